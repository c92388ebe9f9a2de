import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/context.ts';
import { DIALECTS } from '../../../../test/support/databases.ts';
import type { Staff } from '../../../../test/support/fixtures.ts';
import { agencyWithStaff, publishThroughReview } from '../../../../test/support/fixtures.ts';
import type { TestServer } from '../../../../test/support/server.ts';
import { startTestServer } from '../../../../test/support/server.ts';
import type { ItemInput } from '../../../domain/catalog/index.ts';
import { actOnItem } from '../../../services/catalog/review.service.ts';
import { updateSettings } from '../../../services/staff.service.ts';
import { chosenEncoding, portalPageStore, storedPath } from './page-store.ts';

describe('which address is a stored page, and which encoding a client takes', () => {
  it.each([
    ['/items/12', { kind: 'item', id: 12 }, null],
    ['/items/12?agency=PX', { kind: 'item', id: 12 }, 'PX'],
    ['/catalog', { kind: 'tree' }, null],
    ['/catalog/gzdt', { kind: 'category', code: 'gzdt', page: 1 }, null],
    ['/catalog/gzdt?page=3&agency=PX', { kind: 'category', code: 'gzdt', page: 3 }, 'PX'],
  ])('%s is stored', (url, target, agencyParam) => {
    expect(storedPath(url)).toEqual({ target, agencyParam });
  });
  it.each([
    '/items/12?x=1',
    '/catalog/gzdt?page=1',
    '/catalog/gzdt?page=2&nocache=5',
    '/items/012',
    '/search?q=a',
  ])('%s is rendered afresh', (url) => expect(storedPath(url)).toBeNull());
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chosenEncoding('gzip, deflate, br')).toBe('br');
    expect(chosenEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chosenEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(chosenEncoding(undefined)).toBe('identity');
  });
});

describe.each(DIALECTS)('the portal page store on %s', (dialect) => {
  let t: TestServer;
  let staff: Record<'handler' | 'reviewer' | 'head' | 'admin', Staff>;
  let agencyId = 0;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.server.inject({ method: 'GET', url, headers });
  const stored = async (path: string) =>
    t.app.ctx.database.db
      .selectFrom('portal_pages')
      .select(['etag', 'template'])
      .where('agency_id', '=', agencyId)
      .where('path', '=', path)
      .executeTakeFirst();

  const publish = (input: ItemInput) => publishThroughReview(t.app.ctx, staff, agencyId, input);

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: new TestClock(new Date('2026-03-10T02:00:00Z')).now });
    const x = await agencyWithStaff(t.app.ctx, 'PS', '某区卫生健康委员会');
    staff = x.staff as typeof staff;
    agencyId = x.agency.id;
  });
  afterAll(() => t?.close());

  it('renders an item page when it is published, and serves it with ETag, Last-Modified, 304 and gzip/brotli', async () => {
    const id = await publish({
      title: '关于医疗机构校验的通知',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '正文。',
    });
    // rendered after the commit, without a request
    await expect.poll(() => stored(`/items/${id}`), { timeout: 10_000 }).toBeTruthy();
    await expect.poll(() => stored('/catalog/gzdt'), { timeout: 10_000 }).toBeTruthy();
    const plain = await get(`/items/${id}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('关于医疗机构校验的通知');
    const etag = String(plain.headers.etag);
    expect(etag).toBe((await stored(`/items/${id}`))!.etag);
    expect(new Date(String(plain.headers['last-modified'])).getTime()).toBeGreaterThan(0);
    expect(plain.headers.vary).toContain('accept-encoding');

    const br = await get(`/items/${id}`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get(`/items/${id}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    const again = await get(`/items/${id}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await get(`/items/${id}`, { 'if-modified-since': String(plain.headers['last-modified']) });
    expect(since.statusCode).toBe(304);
  });

  it('stores a page again when the item is repealed, and when the agency settings change', async () => {
    const id = await publish({
      title: '旧的管理办法',
      publisher: '某局',
      categoryCode: 'gfxwj',
      writtenOn: '2026-03-01',
    });
    const before = await get(`/items/${id}`);
    await actOnItem(t.app.ctx, staff.head, id, 'repeal', { reason: '已被新办法替代' });
    const after = await get(`/items/${id}`);
    expect(after.body).toContain('本文件已废止：已被新办法替代');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get(`/items/${id}`, { 'if-none-match': String(before.headers.etag) })).statusCode).toBe(
      200,
    );

    await updateSettings(t.app.ctx, staff.admin, agencyId, {
      settings: { site: { siteCode: '3301000099' } },
    });
    expect((await get(`/items/${id}`)).body).toContain('3301000099');
    expect((await get('/catalog')).body).toContain('3301000099');
  });

  it('renders afresh, without storing, any other address; and a page of another template version is a miss', async () => {
    const id = await publish({ title: '第三条信息', publisher: '某局', categoryCode: 'gzdt' });
    const page = await get(`/items/${id}?utm=1`);
    expect(page.statusCode).toBe(200);
    expect(await stored(`/items/${id}?utm=1`)).toBeUndefined();
    expect((await get('/items/999999')).statusCode).toBe(404);
    expect(await stored('/items/999999')).toBeUndefined();

    await t.app.ctx.database.db
      .updateTable('portal_pages')
      .set({ template: 'old', body: Buffer.from('stale') })
      .where('agency_id', '=', agencyId)
      .where('path', '=', `/items/${id}`)
      .execute();
    expect((await get(`/items/${id}`)).body).toContain('第三条信息');
    expect((await stored(`/items/${id}`))!.template).toBe(portalPageStore(t.app).template);
  });

  it('renders every public page in bulk (after an import)', async () => {
    await t.app.ctx.database.db.deleteFrom('portal_pages').execute();
    const count = await portalPageStore(t.app).renderAll(agencyId);
    expect(count).toBeGreaterThanOrEqual(3);
    const rows = await t.app.ctx.database.db
      .selectFrom('portal_pages')
      .select('path')
      .where('agency_id', '=', agencyId)
      .execute();
    expect(rows.map((r) => r.path)).toEqual(expect.arrayContaining(['/catalog', '/catalog/gzdt']));
  });
});
