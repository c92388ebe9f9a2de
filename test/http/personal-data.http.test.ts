import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { buildServer } from '../../src/http/server.ts';
import { sealApplicantNames } from '../../src/services/applications/seal-names.ts';
import { store } from '../../src/services/catalog/attachment.service.ts';
import { backup } from '../../src/services/maintenance/backup.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer, testConfig } from '../support/server.ts';

/**
 * Issue 16 point 6: applicant names are encrypted at rest, found by their whole value through a blind index;
 * a row stored before 0010 is sealed at start; searches by name do not reach the server log; the database
 * file, its WAL, attachments and backups are readable by the owner only.
 */
const NAME = '欧阳隐名';

describe.each(DIALECTS)('applicant names at rest on %s', (dialect) => {
  let t: TestServer;
  let registrar: Session;
  let id = 0;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: new TestClock(new Date('2026-09-24T02:00:00Z')).now });
    await agencyWithStaff(t.app.ctx, 'PD1');
    // the same app behind a server that logs at info level, into `lines`
    const app = await createApp(testConfig({ logLevel: 'info', secretKey: t.app.config.secretKey }), {
      database: t.database,
      migrated: true,
      now: t.app.ctx.now,
    });
    const logged = await buildServer(app, { logStream: { write: (line: string) => void lines.push(line) } });
    await logged.ready();
    await t.server.close();
    t.server = logged;
    t.app = app;
    registrar = await loginAs(t.server, 'pd1-registrar');
    const created = await registrar.request('POST', '/api/applications', {
      ...counterApplication('2026-09-24'),
      applicant: naturalApplicant({ name: NAME }),
    });
    expect(created.statusCode).toBe(201);
    id = (created.json() as { application: { id: number } }).application.id;
  }, 120_000);
  afterAll(() => t.close());

  const row = () =>
    t.app.database.db
      .selectFrom('applications')
      .select(['applicant_name', 'applicant_name_idx'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('stores the name encrypted with a blind index, and shows it decrypted to the staff', async () => {
    const stored = await row();
    expect(stored.applicant_name).toMatch(/^v1:/);
    expect(stored.applicant_name).not.toContain(NAME);
    expect(stored.applicant_name_idx).toBe(t.app.ctx.cipher.blindIndex(NAME));
    const view = (await registrar.request('GET', `/api/applications/${id}`)).json() as {
      applicant: { name: string };
    };
    expect(view.applicant.name).toBe(NAME);
  });

  it('finds an application by the whole name (not by a part of it), and keeps the search out of the log', async () => {
    lines.length = 0;
    const found = (
      await registrar.request('GET', `/api/applications?q=${encodeURIComponent(NAME)}`)
    ).json() as {
      rows: { id: number; applicantName: string }[];
    };
    expect(found.rows.map((r) => [r.id, r.applicantName])).toEqual([[id, NAME]]);
    const part = (
      await registrar.request('GET', `/api/applications?q=${encodeURIComponent('隐名')}`)
    ).json() as {
      total: number;
    };
    expect(part.total).toBe(0);
    const log = lines.join('');
    expect(log).toContain('/api/applications?…');
    expect(log).not.toContain(NAME);
    expect(log).not.toContain(encodeURIComponent(NAME));
  });

  it('seals a row stored in clear before 0010 at start, with a system event', async () => {
    await t.app.database.db
      .updateTable('applications')
      .set({ applicant_name: NAME, applicant_name_idx: null })
      .where('id', '=', id)
      .execute();
    // still readable while not sealed
    expect(
      ((await registrar.request('GET', `/api/applications/${id}`)).json() as { applicant: { name: string } })
        .applicant.name,
    ).toBe(NAME);
    expect(await sealApplicantNames(t.app.ctx)).toBe(1);
    expect((await row()).applicant_name).toMatch(/^v1:/);
    expect(await sealApplicantNames(t.app.ctx)).toBe(0);
    const event = await t.app.database.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'seal_applicant_names')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ count: 1 });
    expect(
      ((await registrar.request('GET', `/api/applications/${id}`)).json() as { applicant: { name: string } })
        .applicant.name,
    ).toBe(NAME);
  });
});

describe('files with personal data are the owner’s only', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates the data folder 0700, the database, its WAL, attachments and backups 0600', async () => {
    const dataDir = join(root, 'data');
    const config = { ...testConfig(), dataDir, sqlitePath: join(dataDir, 'gongkai.db') };
    const app = await createApp(config);
    try {
      await agencyWithStaff(app.ctx, 'PM1');
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(config.sqlitePath)).toBe(0o600);
      expect(existsSync(`${config.sqlitePath}-wal`)).toBe(true);
      expect(mode(`${config.sqlitePath}-wal`)).toBe(0o600);
      await store(app.ctx, 'a'.repeat(64), new Uint8Array([1, 2, 3]));
      expect(mode(join(dataDir, 'attachments'))).toBe(0o700);
      expect(mode(join(dataDir, 'attachments', 'a'.repeat(64)))).toBe(0o600);
      const out = join(root, 'backup');
      await backup(app.database, dataDir, out, new Date());
      expect(mode(out)).toBe(0o700);
      for (const file of ['database.sqlite', 'manifest.json'])
        expect(mode(join(out, file)), file).toBe(0o600);
      expect(mode(join(out, 'attachments'))).toBe(0o700);
      expect(mode(join(out, 'attachments', 'a'.repeat(64)))).toBe(0o600);
    } finally {
      await app.close();
    }
  });
});
