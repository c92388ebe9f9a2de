import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher } from '../../src/security/field-cipher.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { defaultDocumentConfig } from '../../src/config.ts';
import type { DocumentWorkers } from '../../src/workers/pool.ts';
import { createDocumentWorkers, documentPoolOptions } from '../../src/workers/pool.ts';
import type { TestDatabase } from './databases.ts';

let workers: DocumentWorkers | null = null;
/** One pool of document workers for a test file's contexts (one thread; its threads start on first use). */
export const testDocumentWorkers = (): DocumentWorkers =>
  (workers ??= createDocumentWorkers(documentPoolOptions({ ...defaultDocumentConfig(), threads: 1 })));

/** A controllable clock for service tests. */
export class TestClock {
  constructor(private current: Date) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function testContext(database: TestDatabase, clock = new TestClock(new Date('2026-03-02T02:00:00Z'))) {
  const ctx: ServiceContext = {
    database,
    cipher: createFieldCipher(randomBytes(32)),
    auditKey: randomBytes(32),
    now: clock.now,
    dataDir: mkdtempSync(join(tmpdir(), 'gongkai-data-')),
    documents: testDocumentWorkers(),
  };
  return { ctx, clock };
}
