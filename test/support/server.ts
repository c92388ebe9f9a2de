import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { App } from '../../src/app.ts';
import { createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { defaultDocumentConfig } from '../../src/config.ts';
import { buildServer } from '../../src/http/server.ts';
import type { DialectName } from '../../src/persistence/database.ts';
import type { TestDatabase } from './databases.ts';
import { createTestDatabase } from './databases.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-server-'));
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: null,
    databaseSchema: null,
    dataDir,
    sqlitePath: join(dataDir, 'gongkai.db'),
    secretKey: randomBytes(32),
    demo: false,
    tls: false,
    trustedProxies: ['127.0.0.1', '::1'],
    publicUrl: 'http://localhost',
    logLevel: 'silent',
    smtp: null,
    reminderHour: 8,
    jobs: false,
    documents: { ...defaultDocumentConfig(), threads: 1 },
    shutdownSeconds: 25,
    jobTickSeconds: 5,
    ...overrides,
  };
}

export interface TestServer {
  app: App;
  server: FastifyInstance;
  database: TestDatabase;
  /** base URL when listening (browser tests); use server.inject() otherwise */
  url: string;
  close(): Promise<void>;
}

/** A full server on a fresh test database of the given dialect. `listen` for browser tests. */
export async function startTestServer(
  dialect: DialectName = 'sqlite',
  options: { listen?: boolean; now?: () => Date; config?: Partial<Config> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const app = await createApp(testConfig(options.config), {
    database,
    migrated: true,
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await buildServer(app);
  let url = '';
  if (options.listen) url = await server.listen({ port: 0, host: '127.0.0.1' });
  else await server.ready();
  return {
    app,
    server,
    database,
    url,
    async close() {
      await server.close();
      await database.destroy();
    },
  };
}
