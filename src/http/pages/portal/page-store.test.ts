import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Insertable } from 'kysely';
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
import { categoryPageHtml } from './catalog.page.ts';
import { categoryPage, portalAgency } from '../../../services/catalog/portal.service.ts';
import { pagesChanged, portalGeneration } from '../../../persistence/repositories/portal-page.repository.ts';
import type { Schema } from '../../../persistence/schema.ts';

describe('which address is a stored page, and which encoding a client takes', () => {
  it.each([
    ['/items/12', { kind: 'item', id: 12 }, null, '/items/12'],
    ['/items/12?agency=PX', { kind: 'item', id: 12 }, 'PX', '/items/12?agency=PX'],
    ['/items/12?utm_source=weixin', { kind: 'item', id: 12 }, null, '/items/12'],
    ['/catalog', { kind: 'tree' }, null, '/catalog'],
    ['/catalog/gzdt', { kind: 'category', code: 'gzdt', page: 1 }, null, '/catalog/gzdt'],
    ['/catalog/gzdt?page=1', { kind: 'category', code: 'gzdt', page: 1 }, null, '/catalog/gzdt'],
    [
      '/catalog/gzdt?page=2&nocache=5',
      { kind: 'category', code: 'gzdt', page: 2 },
      null,
      '/catalog/gzdt?page=2',
    ],
    [
      '/catalog/gzdt?agency=PX&page=3',
      { kind: 'category', code: 'gzdt', page: 3 },
      'PX',
      '/catalog/gzdt?page=3&agency=PX',
    ],
  ])('%s is the stored page %j of agency %s, stored as %s', (url, target, agencyParam, key) => {
    expect(storedPath(url)).toEqual({ target, agencyParam, key });
  });
  it.each([
    '/items/012',
    '/items/12/attachments/3',
    '/catalog/gzdt?page=0',
    '/catalog/gzdt?page=x',
    '/catalog/gzdt?page=2&page=3',
    '/items/12?agency=P&agency=Q',
    '/items/12?agency=%3Cx%3E',
    '/search?q=a',
  ])('%s is not a stored page', (url) => expect(storedPath(url)).toBeNull());
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

  it('answers an address with parameters the page does not read with its stored page; a page of another template version is a miss', async () => {
    const id = await publish({ title: '第三条信息', publisher: '某局', categoryCode: 'gzdt' });
    await expect.poll(() => stored(`/items/${id}`), { timeout: 10_000 }).toBeTruthy();
    const plain = await get(`/items/${id}`);
    const page = await get(`/items/${id}?utm_source=weixin&t=123`);
    expect(page.statusCode).toBe(200);
    expect(page.headers.etag).toBe(plain.headers.etag);
    expect(page.body).toBe(plain.body);
    expect(await stored(`/items/${id}?utm_source=weixin&t=123`)).toBeUndefined();
    expect((await get('/items/999999')).statusCode).toBe(404);
    expect(await stored('/items/999999')).toBeUndefined();

    await t.app.ctx.database.db
      .updateTable('portal_pages')
      .set({ template: 'old', body: Buffer.from('stale') })
      .where('agency_id', '=', agencyId)
      .where('path', '=', `/items/${id}`)
      .execute();
    expect((await get(`/items/${id}`)).body).toContain('第三条信息');
    // stored after the answer (written behind)
    await portalPageStore(t.app).flush();
    expect((await stored(`/items/${id}`))!.template).toBe(portalPageStore(t.app).template);
  });

  it('answers a stored page from its first hook, with the headers of any other page; per agency host; not while the demo is on', async () => {
    const id = await publish({ title: '第四条信息', publisher: '某局', categoryCode: 'gzdt' });
    await expect.poll(() => stored(`/items/${id}`), { timeout: 10_000 }).toBeTruthy();
    // the stored row, marked: what answers is the store, not a render
    const mark = async () =>
      t.app.ctx.database.db
        .updateTable('portal_pages')
        .set({ body: Buffer.from('<!doctype html><html><body><p>已存储的页面</p></body></html>') })
        .where('agency_id', '=', agencyId)
        .where('path', '=', `/items/${id}`)
        .execute();
    await mark();
    const page = await get(`/items/${id}`, { cookie: 'gk_session=not-a-session' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已存储的页面');
    const normal = await get('/guide');
    expect(normal.statusCode).toBe(200);
    const own = new Set([
      'etag',
      'last-modified',
      'vary',
      'content-length',
      'date',
      'x-request-id',
      'connection',
    ]);
    const others = (headers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers).filter(([k]) => !own.has(k)));
    expect(others(page.headers)).toEqual(others(normal.headers));
    expect(page.headers['content-security-policy']).toBeTruthy();
    expect(page.headers['x-request-id']).toMatch(/^[\w.:-]+$/);

    // while the demo is on, every page carries its banner: the store is bypassed
    const demo = t.app.demoLogin;
    t.app.demoLogin = { username: 'demo', password: 'demo' };
    try {
      const shown = await get(`/items/${id}`);
      expect(shown.body).not.toContain('已存储的页面');
      expect(shown.body).toContain('演示模式');
      expect(shown.body).toContain('第四条信息');
    } finally {
      t.app.demoLogin = demo;
    }

    // a host bound to the agency (its setting `domains`) is answered from the agency's store
    await updateSettings(t.app.ctx, staff.admin, agencyId, { settings: { domains: ['ps.example.gov.cn'] } });
    // the settings made every page stale; the first request renders and stores it again
    expect((await get(`/items/${id}`, { host: 'ps.example.gov.cn' })).body).toContain('第四条信息');
    await expect.poll(() => stored(`/items/${id}`), { timeout: 10_000 }).toBeTruthy();
    await mark();
    await expect
      .poll(async () => (await get(`/items/${id}`, { host: 'ps.example.gov.cn' })).body, { timeout: 10_000 })
      .toContain('已存储的页面');
    // …and with another agency's code in the query, the bound host still shows its own (rendered, not stored)
    const param = await get(`/items/${id}?agency=ZZ`, { host: 'ps.example.gov.cn' });
    expect(param.statusCode).toBe(200);
    expect(param.body).toContain('第四条信息');
  });

  it('renders each category page from its start mark exactly as the OFFSET query does, after publishes, date changes and a repeal', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 43; i++)
      ids.push(await publish({ title: `分页信息${i}`, publisher: '某局', categoryCode: 'qtwj' }));
    const db = t.app.ctx.database.db;
    const compare = async () => {
      const generation = await portalGeneration(db, agencyId);
      for (const code of ['qtwj', 'fgwj', 'gzdt']) {
        const first = await categoryPage(t.app.ctx, agencyId, code, 1, true);
        if (!first) continue;
        for (let page = 1; page <= first.pages + 1; page++) {
          const seek = await categoryPage(t.app.ctx, agencyId, code, page, true, generation);
          const offset = await categoryPage(t.app.ctx, agencyId, code, page, true);
          expect(seek).toEqual(offset);
          const view = { agency: (await portalAgency(t.app.ctx, null))!, agencyParam: null, path: '/x' };
          expect(categoryPageHtml(view, seek!)).toBe(categoryPageHtml(view, offset!));
        }
      }
    };
    await compare();
    // dates that tie and interleave (a page boundary inside a day), as a change would set them
    await db.transaction().execute(async (trx) => {
      for (const [i, id] of ids.entries())
        await trx
          .updateTable('catalog_items')
          .set({ published_on: `2026-02-${String(1 + (i % 3) * 7).padStart(2, '0')}` })
          .where('id', '=', id)
          .execute();
      await pagesChanged(trx, agencyId, { items: [], catalog: true });
    });
    await compare();
    await actOnItem(t.app.ctx, staff.head, ids[20]!, 'repeal', { reason: '已被新办法替代' });
    // new items come first: every page's start moves
    for (let i = 0; i < 3; i++)
      ids.push(await publish({ title: `新信息${i}`, publisher: '某局', categoryCode: 'qtwj' }));
    await compare();
  });

  it("answers a category's pages past the 20th rendered for each request, never stored: an ETag of their content (304), no Last-Modified", async () => {
    const db = t.app.ctx.database.db;
    const first = await publish({ title: '统计信息深页', publisher: '某局', categoryCode: 'tjxx' });
    // 420 more of it, as an import would add them (one transaction, the catalog's pages made stale)
    const copies = async (from: number, count: number) => {
      // all but the key and PostgreSQL's generated search vector
      const { id: _id, ...row } = (await db
        .selectFrom('catalog_items')
        .selectAll()
        .where('id', '=', first)
        .executeTakeFirstOrThrow()) as Record<string, unknown> & { id: number; index_number: string };
      delete row.search_vector;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < count; i++)
          await trx
            .insertInto('catalog_items')
            .values({
              ...row,
              index_number: `${row.index_number}-${from + i}`,
              title: `统计信息深页${from + i}`,
            } as Insertable<Schema['catalog_items']>)
            .execute();
        await pagesChanged(trx, agencyId, { items: [], catalog: true });
      });
    };
    await copies(0, 420);
    const store = portalPageStore(t.app);
    const deep = await get('/catalog/tjxx?page=21');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toMatch(/共 421\s+条信息，第 21\/22 页/);
    expect(deep.headers['last-modified']).toBeUndefined();
    const etag = String(deep.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    // the same content, the same ETag: a client that has it is answered 304
    expect((await get('/catalog/tjxx?page=21&utm_source=x')).headers.etag).toBe(etag);
    const again = await get('/catalog/tjxx?page=21', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const gz = await get('/catalog/tjxx?page=21', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(deep.body);
    // page 20 is kept in the store, page 21 is not
    const twenty = await get('/catalog/tjxx?page=20');
    expect(twenty.headers['last-modified']).toBeTruthy();
    await store.flush();
    expect(await stored('/catalog/tjxx?page=20')).toBeTruthy();
    expect(await stored('/catalog/tjxx?page=21')).toBeUndefined();
    // a change moves the page's items: its content and ETag change, the old ETag is answered in full
    await copies(420, 1);
    const moved = await get('/catalog/tjxx?page=21', { 'if-none-match': etag });
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toMatch(/共 422\s+条信息，第 21\/22 页/);
    expect(moved.headers.etag).not.toBe(etag);
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
