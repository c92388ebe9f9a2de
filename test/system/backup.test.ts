import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DialectName } from '../../src/persistence/database.ts';
import { verifyEventChain } from '../../src/persistence/repositories/event.repository.ts';
import { revealApplicant } from '../../src/services/applications/queries.ts';
import { DIALECTS, TEST_DATABASE_URL } from '../support/databases.ts';
import { ID_NUMBER } from '../support/fixtures.ts';
import { gongkai, gongkaiProcess } from './support/cli.ts';
import type { SystemEnv } from './support/environment.ts';
import { childEnv, createSystemEnv, seedAgency } from './support/environment.ts';
import { fileHashes } from './support/files.ts';
import { fillEmptyTables } from './support/fill.ts';
import { populate } from './support/populate.ts';
import { snapshot } from './support/snapshot.ts';

/**
 * `gongkai backup` / `gongkai restore` round trip: a populated installation (services, attachment files) is
 * backed up, restored into a fresh installation — on PostgreSQL a fresh database, as on a new server — and
 * compared row for row, table for table, file for file; the restored installation opens the encrypted personal
 * data and its audit chain verifies. A damaged backup is refused, in Chinese, before anything is touched.
 */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gkr_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A fresh, empty installation to restore into, holding the same key (the operator keeps it apart). */
async function freshTarget(source: SystemEnv, key: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));
  if (source.dialect === 'sqlite') {
    const env = { ...source.env, DATA_DIR: dataDir, GONGKAI_SECRET_KEY: key };
    return {
      env,
      dataDir,
      async destroy() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createDatabase();
  const env = { ...source.env, DATA_DIR: dataDir, DATABASE_URL: database.url, GONGKAI_SECRET_KEY: key };
  return {
    env,
    dataDir,
    async destroy() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function snapshotOf(env: Record<string, string>) {
  const app = await createApp(loadConfig(childEnv(env)), { migrated: true });
  try {
    return await snapshot(app.database);
  } finally {
    await app.close();
  }
}

describe.each(DIALECTS)('backup and restore on %s', (dialect: DialectName) => {
  let source: SystemEnv;
  let key: string;
  let backupDir: string;
  let firstApplication: number;
  let handler: Parameters<typeof revealApplicant>[1];
  const work = mkdtempSync(join(tmpdir(), 'gongkai-backups-'));

  beforeAll(async () => {
    source = await createSystemEnv(dialect);
    const app = await createApp(loadConfig(childEnv(source.env)));
    try {
      const made = await populate(app.ctx);
      firstApplication = made.applications[0]!;
      handler = made.x.staff.handler;
      await fillEmptyTables(app.database);
    } finally {
      await app.close();
    }
    key = readFileSync(join(source.dataDir, 'secret.key'), 'utf8').trim();
    backupDir = join(work, 'backup');
    const run = await gongkai(['backup', backupDir], source.env);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await source.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores every row of every table and every attachment file into a fresh installation', async () => {
    const target = await freshTarget(source, key);
    try {
      const run = await gongkai(['restore', backupDir], target.env);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/恢复完成/);

      const before = await snapshotOf(source.env);
      const after = await snapshotOf(target.env);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) {
        expect(before[table]!.length, `${table} is populated`).toBeGreaterThan(0);
        expect(after[table], table).toEqual(before[table]);
      }
      const files = fileHashes(join(source.dataDir, 'attachments'));
      expect(Object.keys(files).length).toBeGreaterThanOrEqual(3);
      expect(fileHashes(join(target.dataDir, 'attachments'))).toEqual(files);

      // the restored installation works: personal data decrypts, the audit chain verifies
      const app = await createApp(loadConfig(childEnv(target.env)));
      try {
        const revealed = await revealApplicant(app.ctx, handler, firstApplication);
        expect(revealed.applicant.idNumber).toBe(ID_NUMBER);
        expect((await verifyEventChain(app.database.db, app.ctx.auditKey)).broken).toBeNull();
        // the manifest anchors the audit chain outside the database
        const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
          auditHead?: { id: number; hash: string };
        };
        expect(manifest.auditHead?.id).toBeGreaterThan(0);
        expect(
          (await verifyEventChain(app.database.db, app.ctx.auditKey, [manifest.auditHead!])).broken,
        ).toBeNull();
        const anchored = await gongkai(['audit', 'verify', '--anchor', backupDir], target.env);
        expect(anchored.out).toMatch(/与 1 个备份锚点一致/);
      } finally {
        await app.close();
      }
    } finally {
      await target.destroy();
    }
  });

  it('refuses a damaged backup, in Chinese, before touching the installation', async () => {
    // an installation with its own records, which a refused restore must leave exactly as it was
    const target = await createSystemEnv(dialect, { GONGKAI_SECRET_KEY: key });
    try {
      await seedAgency(target, 'KEEP');
      mkdirSync(join(target.dataDir, 'attachments'));
      writeFileSync(join(target.dataDir, 'attachments', 'kept'), 'an attachment of the installation');
      const keep = { env: target.env };
      const rows = await snapshotOf(keep.env);
      const files = fileHashes(join(target.dataDir, 'attachments'));
      const damaged = async (name: string, damage: (dir: string) => void) => {
        const dir = join(work, name);
        await cp(backupDir, dir, { recursive: true });
        damage(dir);
        return dir;
      };
      const database = dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
      const cases: [string, string, RegExp][] = [
        [
          'flipped-byte',
          await damaged('flipped-byte', (dir) => {
            const bytes = readFileSync(join(dir, database));
            bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
            writeFileSync(join(dir, database), bytes);
          }),
          /已损坏/,
        ],
        [
          'truncated',
          await damaged('truncated', (dir) => {
            const bytes = readFileSync(join(dir, database));
            writeFileSync(join(dir, database), bytes.subarray(0, bytes.length - 100));
          }),
          /已损坏/,
        ],
        [
          'attachment',
          await damaged('attachment', (dir) => {
            const [name] = Object.keys(fileHashes(join(dir, 'attachments')));
            writeFileSync(join(dir, 'attachments', name!), 'tampered');
          }),
          /已损坏/,
        ],
        [
          'manifest-garbage',
          await damaged('manifest-garbage', (dir) => writeFileSync(join(dir, 'manifest.json'), '{ not json')),
          /清单/,
        ],
        [
          'manifest-drops-database',
          await damaged('manifest-drops-database', (dir) => {
            const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
              files: Record<string, string>;
            };
            delete manifest.files[database];
            writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
            const bytes = readFileSync(join(dir, database));
            bytes[100]! ^= 0xff;
            writeFileSync(join(dir, database), bytes);
          }),
          /清单/,
        ],
        ['empty', await damaged('empty', (dir) => rmSync(join(dir, 'manifest.json'))), /不是 Gongkai 备份/],
      ];
      for (const [name, dir, message] of cases) {
        const run = await gongkai(['restore', dir], keep.env);
        expect(run.code, name).toBe(1);
        expect(run.err, name).toMatch(/^错误：/);
        expect(run.err, name).toMatch(message);
        expect(await snapshotOf(keep.env), name).toEqual(rows);
        expect(fileHashes(join(target.dataDir, 'attachments')), name).toEqual(files);
      }
      // the real command, as a shell sees it
      const shell = await gongkaiProcess(['restore', cases[0]![1]], keep.env);
      expect(shell.code).toBe(1);
      expect(shell.err).toMatch(/备份文件已损坏/);
    } finally {
      await target.destroy();
    }
  }, 120_000);

  it('refuses to restore with a different encryption key than the backup was made with', async () => {
    const target = await freshTarget(source, Buffer.alloc(32, 7).toString('base64'));
    try {
      const run = await gongkai(['restore', backupDir], target.env);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/密钥/);
      expect(fileHashes(join(target.dataDir, 'attachments'))).toEqual({});
    } finally {
      await target.destroy();
    }
  });
});
