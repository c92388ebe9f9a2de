import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReport } from '../../src/persistence/repositories/report.repository.ts';
import type { BulkImportView } from '../../src/services/supervision/bulk-import.service.ts';
import type { Hierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { supervisionHierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 13 point 10: the supervisor's bulk upload of a year's reports — files and a zip, read in the background
 * through the document workers, the progress and each file's result from the database; matching by the title's
 * name or the file name's 机构代码, never guessed; idempotent on re-run; a hostile file fails alone.
 */
const YEAR = 2023;
const CORPUS = join(import.meta.dirname, '../fixtures/import/corpus');
const corpus = (name: string, agency?: string) => {
  const text = readFileSync(join(CORPUS, name), 'utf8');
  return new TextEncoder().encode(agency ? text.replaceAll('某市某区卫生健康局', agency) : text);
};
/** markup nested far past 256 levels: refused by the workers' nesting scan before any parse */
const hostile = new TextEncoder().encode(
  `<html><body><h1>B区司法局2023年政府信息公开工作年度报告</h1>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`,
);

function multipart(files: { name: string; bytes: Uint8Array }[], fields: Record<string, string>) {
  const boundary = `----bulk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DIALECTS)('bulk import of reports on %s', (dialect) => {
  let t: TestServer;
  let h: Hierarchy;
  let city: Session;
  let districtA: Session;
  let drafter: Session;
  const b = () => h.districts[1]!.departments;

  const upload = (s: Session, files: { name: string; bytes: Uint8Array }[], year = String(YEAR)) => {
    const body = multipart(files, { year });
    return t.server.inject({
      method: 'POST',
      url: '/api/supervision/bulk-imports',
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  /** polls the progress until every file is read (the condition, not a time) */
  const finished = async (id: number): Promise<BulkImportView> => {
    for (;;) {
      const r = await city.request('GET', `/api/supervision/bulk-imports/${id}`);
      expect(r.statusCode, r.body).toBe(200);
      const view = r.json() as BulkImportView;
      expect(view.done).toBeLessThanOrEqual(view.fileCount);
      if (view.done === view.fileCount && view.finishedAt !== null) return view;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const byName = (view: BulkImportView) => Object.fromEntries(view.files.map((f) => [f.fileName, f]));

  const zip = () =>
    zipSync({
      'B区/卫生健康局.md': corpus('pipe-2021.md', 'B区卫生健康局'),
      'B区/KB11-报告.txt': corpus('plain-2021.txt'),
      'B区/不知是谁.txt': corpus('one-per-line-2021.txt'),
      'B区/司法局.html': hostile,
    });
  const loose = () => [
    { name: '教育局.txt', bytes: corpus('run-together-2021.txt', '教育局') },
    { name: '卫健委.md', bytes: corpus('pipe-2021.md', '某市卫生健康委员会') },
  ];
  let firstId = 0;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: new TestClock(new Date('2024-02-20T02:00:00Z')).now });
    h = await supervisionHierarchy(t.app.ctx, 'K');
    city = await loginAs(t.server, 'k-city-supervisor');
    districtA = await loginAs(t.server, 'k-a-supervisor');
    drafter = await loginAs(t.server, 'k-city-health');
  }, 120_000);
  afterAll(() => t.close());

  it('reads every file, matches by name or code, never guesses, and a hostile file fails alone', async () => {
    const r = await upload(city, [{ name: 'B区报告.zip', bytes: zip() }, ...loose()]);
    expect(r.statusCode, r.body).toBe(202);
    const { id, fileCount } = r.json() as { id: number; fileCount: number };
    expect(fileCount).toBe(6);
    firstId = id;
    const view = await finished(id);
    const f = byName(view);
    const health = f['B区报告.zip/B区/卫生健康局.md']!;
    expect([health.outcome, health.agencyId, health.result?.match?.kind]).toEqual([
      'collected',
      b()[0]!.id,
      'matched',
    ]);
    expect(health.result?.match).toMatchObject({ how: ['title_name'] });
    expect(health.result?.cells).toEqual({ read: 200, blank: 0, missing: 0, total: 200 });
    expect([health.result?.yearRead, health.result?.format]).toEqual([YEAR, '2021']);
    const byCode = f['B区报告.zip/B区/KB11-报告.txt']!;
    expect([byCode.outcome, byCode.agencyId]).toEqual(['collected', b()[1]!.id]);
    expect(byCode.result?.match).toMatchObject({ how: ['file_code'] });
    const nobody = f['B区报告.zip/B区/不知是谁.txt']!;
    expect([nobody.outcome, nobody.agencyId]).toEqual(['unmatched', null]);
    expect(nobody.result?.message).toContain('某市某区卫生健康局');
    const bare = f['教育局.txt']!;
    expect(bare.outcome).toBe('ambiguous');
    expect(bare.result?.match).toMatchObject({ kind: 'ambiguous' });
    const candidates = (bare.result?.match as { candidates: { name: string }[] }).candidates.map(
      (c) => c.name,
    );
    expect(candidates).toEqual(expect.arrayContaining(['某市教育局', 'A区教育局', 'B区教育局', 'C区教育局']));
    const bomb = f['B区报告.zip/B区/司法局.html']!;
    expect([bomb.outcome, bomb.agencyId]).toEqual(['failed', null]);
    expect(bomb.result?.message).toMatch(/嵌套|层/);
    const onPlatform = f['卫健委.md']!;
    expect([onPlatform.outcome, onPlatform.agencyId]).toEqual(['refused', h.cityDepartments[0]!.id]);
    expect(onPlatform.result?.message).toContain('须由其自行报送');
    // the matched files are the agencies' submitted reports; nothing was written for the others
    const db = t.app.database.db;
    expect((await findReport(db, b()[0]!.id, YEAR))?.status).toBe('submitted');
    expect((await findReport(db, b()[1]!.id, YEAR))?.status).toBe('submitted');
    expect(await findReport(db, b()[4]!.id, YEAR)).toBeNull();
    expect(await findReport(db, h.cityDepartments[0]!.id, YEAR)).toBeNull();
    const events = await db
      .selectFrom('events')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'bulk_import')
      .where('entity_id', '=', String(id))
      .execute();
    expect(events.filter((e) => e.action === 'create')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'read_file')).toHaveLength(6);
  });

  it('is idempotent: the same files again write nothing; a changed file is a new version', async () => {
    const db = t.app.database.db;
    const before = (await findReport(db, b()[0]!.id, YEAR))!.version;
    const again = await upload(city, [{ name: 'B区报告.zip', bytes: zip() }, ...loose()]);
    expect(again.statusCode, again.body).toBe(202);
    const view = await finished((again.json() as { id: number }).id);
    const f = byName(view);
    expect(f['B区报告.zip/B区/卫生健康局.md']!.outcome).toBe('unchanged');
    expect(f['B区报告.zip/B区/卫生健康局.md']!.result?.message).toContain(`第 ${firstId} 批`);
    expect(f['B区报告.zip/B区/KB11-报告.txt']!.outcome).toBe('unchanged');
    expect(f['B区报告.zip/B区/不知是谁.txt']!.outcome).toBe('unmatched');
    expect(f['B区报告.zip/B区/司法局.html']!.outcome).toBe('failed');
    expect((await findReport(db, b()[0]!.id, YEAR))!.version).toBe(before);

    const changed = corpus('plain-2021.txt', 'B区卫生健康局');
    const third = await upload(city, [{ name: 'B区卫生健康局（更正）.txt', bytes: changed }]);
    const replaced = (await finished((third.json() as { id: number }).id)).files[0]!;
    expect([replaced.outcome, replaced.agencyId]).toEqual(['replaced', b()[0]!.id]);
    expect((await findReport(db, b()[0]!.id, YEAR))!.version).toBeGreaterThan(before);
  });

  it('lets the supervisor pick the agency of an unmatched file, inside the subtree only', async () => {
    const view = await finished(firstId);
    const nobody = byName(view)['B区报告.zip/B区/不知是谁.txt']!;
    const url = `/api/supervision/bulk-imports/${firstId}/files/${nobody.id}/agency`;
    const outside = await districtA.request('PUT', url, { agencyId: b()[4]!.id });
    expect(outside.statusCode).toBe(404);
    const notBelow = await city.request('PUT', url, { agencyId: h.city.id });
    expect(notBelow.statusCode).toBe(404);
    const bad = await city.request('PUT', url, { agencyId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(await findReport(t.app.database.db, b()[4]!.id, YEAR)).toBeNull();
    const picked = await city.request('PUT', url, { agencyId: b()[4]!.id });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({
      outcome: 'collected',
      agencyId: b()[4]!.id,
      result: { match: { kind: 'picked' } },
    });
    expect((await findReport(t.app.database.db, b()[4]!.id, YEAR))?.status).toBe('submitted');
    const twice = await city.request('PUT', url, { agencyId: b()[4]!.id });
    expect(twice.statusCode).toBe(409);
  });

  it('is the supervising office’s own: others are refused or told not found', async () => {
    expect((await upload(drafter, loose())).statusCode).toBe(403);
    expect((await districtA.request('GET', `/api/supervision/bulk-imports/${firstId}`)).statusCode).toBe(404);
    const list = (await districtA.request('GET', '/api/supervision/bulk-imports')).json() as {
      imports: unknown[];
    };
    expect(list.imports).toEqual([]);
    const noYear = await upload(city, loose(), '23');
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json()).toMatchObject({ error: { field: 'year' } });
    // more files than the server's default multipart limit (10) in one upload
    const many = Array.from({ length: 12 }, (_, i) => ({
      name: `第${i + 1}份.txt`,
      bytes: corpus('plain-2021.txt'),
    }));
    const twelve = await upload(city, many);
    expect(twelve.statusCode, twelve.body).toBe(202);
    const read = await finished((twelve.json() as { id: number }).id);
    expect(read.files.map((f) => f.outcome)).toEqual(Array(12).fill('unmatched'));
    const broken = await upload(city, [
      { name: '坏包.zip', bytes: new TextEncoder().encode('PK not a zip') },
    ]);
    expect(broken.statusCode).toBe(400);
    expect((broken.json() as { error: { message: string } }).error.message).toContain(
      '无法打开压缩包《坏包.zip》',
    );
    const wrongKind = await upload(city, [{ name: '报告.exe', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(wrongKind.statusCode).toBe(400);
    expect((wrongKind.json() as { error: { message: string } }).error.message).toContain('报告.exe');
  });
});
