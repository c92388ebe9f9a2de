import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_STARTER_MATTERS } from '../../src/domain/catalog/index.ts';
import { updateSettings } from '../../src/services/staff.service.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 18 over HTTP on both databases: the standard catalog (starter set, edits, XLSX out and back in, refusals
 * naming the field with nothing written), items filed under a 事项 whose 公开时限 sets the deadline, coverage for
 * the office and its supervisor, a 规范性文件 published together with its 解读 (and blocked without one when the
 * agency says so), 回应关切, and the portal's page of the catalog with the links between the pages.
 */
function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Matter {
  id: number;
  level1: string;
  level2: string;
  timeLimit: string;
  period: string;
  itemCount: number;
}

describe.each(DIALECTS)('the standard catalog and 政策解读 on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  let s: Record<'handler' | 'reviewer' | 'head' | 'admin' | 'registrar', Session>;
  let supervisor: Session;
  let agencyId = 0;
  let otherMatterId = 0;
  let matters: Matter[] = [];
  const api = (who: Session, method: string, url: string, body?: unknown) => who.request(method, url, body);
  const matterCount = async () =>
    Number(
      (
        await t.app.database.db
          .selectFrom('disclosure_matters')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const matter = (level2: string) => matters.find((m) => m.level2 === level2)!;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    const top = await agencyWithStaff(t.app.ctx, 'SQ', '某区人民政府');
    const own = await agencyWithStaff(t.app.ctx, 'SW', '某区卫生健康局', top.agency.id);
    const other = await agencyWithStaff(t.app.ctx, 'SX', '某区教育局');
    agencyId = own.agency.id;
    s = {
      handler: await loginAs(t.server, 'sw-handler'),
      reviewer: await loginAs(t.server, 'sw-reviewer'),
      head: await loginAs(t.server, 'sw-head'),
      admin: await loginAs(t.server, 'sw-admin'),
      registrar: await loginAs(t.server, 'sw-registrar'),
    };
    supervisor = await loginAs(t.server, 'sq-supervisor');
    const sx = await loginAs(t.server, 'sx-admin');
    const created = await api(sx, 'POST', `/api/catalog/agencies/${other.agency.id}/matters`, {
      level1: '教育',
      level2: '招生入学',
      timeLimit: '20个工作日',
    });
    expect(created.statusCode).toBe(201);
    otherMatterId = (created.json() as Matter).id;
  });
  afterAll(() => t.close());

  it('1. loads the 卫生健康 starter set, edits it, refuses bad input naming the field, round-trips XLSX', async () => {
    expect(
      (
        await api(s.registrar, 'POST', `/api/catalog/agencies/${agencyId}/matters/starter`, {
          sector: 'health',
        })
      ).statusCode,
    ).toBe(403);
    const loaded = await api(s.admin, 'POST', `/api/catalog/agencies/${agencyId}/matters/starter`, {
      sector: 'health',
    });
    expect(loaded.json()).toEqual({ added: HEALTH_STARTER_MATTERS.length, updated: 0 });
    matters = (await api(s.handler, 'GET', `/api/catalog/agencies/${agencyId}/matters`)).json()
      .matters as Matter[];
    expect(matters).toHaveLength(HEALTH_STARTER_MATTERS.length);
    expect(matter('医疗机构执业登记').period).toBe('7个工作日');
    expect(matter('机构职能').period).toBe('20个工作日');
    expect(matter('健康教育和传染病防控提示').period).toBe('20个工作日（条例第二十六条）');

    // the agency adds its own 事项; a duplicate and an empty 二级事项 are refused, nothing written
    const own = {
      level1: '医疗服务',
      level2: '院前急救网络',
      timeLimit: '信息形成之日起10个工作日内',
      content: '急救站点',
    };
    expect((await api(s.admin, 'POST', `/api/catalog/agencies/${agencyId}/matters`, own)).statusCode).toBe(
      201,
    );
    const before = await matterCount();
    const dup = await api(s.admin, 'POST', `/api/catalog/agencies/${agencyId}/matters`, own);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('标准目录中已有事项“医疗服务 / 院前急救网络”');
    const empty = await api(s.admin, 'POST', `/api/catalog/agencies/${agencyId}/matters`, {
      ...own,
      level2: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ field: 'level2', message: '二级事项不能为空' });
    const neither = await api(s.admin, 'POST', `/api/catalog/agencies/${agencyId}/matters`, {
      ...own,
      level2: 'x',
      county: false,
    });
    expect(neither.json().error).toMatchObject({
      field: 'county',
      message: '公开层级至少勾选县级或乡级之一',
    });
    expect(
      (await api(s.handler, 'POST', `/api/catalog/agencies/${agencyId}/matters`, { ...own, level2: 'y' }))
        .statusCode,
    ).toBe(403);
    expect(await matterCount()).toBe(before);

    // export, change a row and add one in Excel, import: one added, the rest updated
    const exported = await api(s.handler, 'GET', `/api/catalog/agencies/${agencyId}/matters/export.xlsx`);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('公开内容（要素）');
    expect(sheet.rowCount).toBe(HEALTH_STARTER_MATTERS.length + 2);
    sheet.addRow([
      '',
      '医疗服务',
      '互联网医院',
      '互联网诊疗服务名单',
      '',
      '20个工作日',
      '本局',
      '政府网站',
      '全社会',
      '主动公开',
      '√',
      '',
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const upload = (b: Uint8Array, who = s.admin) => {
      const file = multipart('标准目录.xlsx', b);
      return t.server.inject({
        method: 'POST',
        url: `/api/catalog/agencies/${agencyId}/matters/import`,
        payload: file.payload,
        headers: { ...file.headers, cookie: who.cookie, 'x-csrf-token': who.csrf },
      });
    };
    const imported = await upload(bytes);
    expect(imported.json()).toEqual({ added: 1, updated: HEALTH_STARTER_MATTERS.length + 1 });
    // a broken sheet: every problem listed with its row, nothing imported
    sheet.addRow(['', '医疗服务', '', '', '', '', '', '', '所有人', '主动公开', '√', '']);
    const bad = await upload(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(400);
    const lastLine = HEALTH_STARTER_MATTERS.length + 4;
    expect(
      bad.json().error.details.problems.map((p: { line: number; field: string }) => [p.line, p.field]),
    ).toEqual([
      [lastLine, 'audience'],
      [lastLine, 'level2'],
      [lastLine, 'timeLimit'],
    ]);
    expect(await matterCount()).toBe(before + 1);
    const notXlsx = await upload(new TextEncoder().encode('一级事项,二级事项'));
    expect(notXlsx.statusCode).toBe(415);
    matters = (await api(s.handler, 'GET', `/api/catalog/agencies/${agencyId}/matters`)).json()
      .matters as Matter[];
  });

  const steps = [
    ['submit', 'handler'],
    ['approve', 'reviewer'],
    ['pass_secrecy', 'reviewer'],
    ['sign', 'head'],
  ] as const;
  async function draft(body: Record<string, unknown>) {
    const r = await api(s.handler, 'POST', `/api/catalog/agencies/${agencyId}/items`, {
      publisher: '某区卫生健康局',
      ...body,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: number; publicationDueOn: string; interpretationState: string };
  }
  async function sign(id: number) {
    for (const [action, who] of steps) {
      const r = await api(s[who], 'POST', `/api/catalog/items/${id}/actions`, { action });
      expect(r.statusCode, r.body).toBe(200);
    }
  }
  const act = (id: number, action: string) =>
    api(s.head, 'POST', `/api/catalog/items/${id}/actions`, { action });

  it('2. files items under a 事项: its 公开时限 sets the deadline; a 事项 of another agency is refused', async () => {
    const licence = await draft({
      title: '医疗机构执业登记结果公示（2026年第2期）',
      writtenOn: '2026-03-02',
      categoryCode: 'xzxk',
      matterId: matter('医疗机构执业登记').id,
    });
    expect(licence.publicationDueOn).toBe('2026-03-11'); // 7 working days
    const plain = await draft({ title: '工作动态', writtenOn: '2026-03-02', categoryCode: 'gzdt' });
    expect(plain.publicationDueOn).toBe('2026-03-30'); // Art. 26: 20 working days
    const foreign = await api(s.handler, 'POST', `/api/catalog/agencies/${agencyId}/items`, {
      title: '别的机关的事项',
      publisher: '某区卫生健康局',
      categoryCode: 'gzdt',
      matterId: otherMatterId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({
      field: 'matterId',
      message: `公开事项（编号 ${otherMatterId}）不在本机关的标准目录中`,
    });
    // a 事项 with items is not deleted
    const del = await api(s.admin, 'DELETE', `/api/catalog/matters/${matter('医疗机构执业登记').id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toBe('事项“医疗服务 / 医疗机构执业登记”下已归入 1 条信息，不能删除');
    await sign(licence.id);
    clock.set('2026-03-13T02:00:00Z'); // two working days past its 7-WD deadline
    for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] = await loginAs(t.server, `sw-${k}`);
    supervisor = await loginAs(t.server, 'sq-supervisor');
    const published = await act(licence.id, 'publish');
    expect(published.json()).toMatchObject({
      timeliness: 'late',
      matter: { name: '医疗服务 / 医疗机构执业登记' },
    });
  });

  let documentId = 0;
  let interpretationId = 0;
  it('4. flags a 规范性文件 without 解读, blocks it when the agency requires, publishes both at once', async () => {
    const doc = await draft({
      title: '某区卫生健康局关于规范家庭医生签约服务的通知',
      docNumber: '某区卫健发〔2026〕8号',
      writtenOn: '2026-03-12',
      categoryCode: 'gfxwj',
      matterId: matter('行政规范性文件').id,
    });
    documentId = doc.id;
    expect(doc.interpretationState).toBe('missing');
    // not blocking until the agency says so
    const ctx = t.app.ctx;
    const admin = { kind: 'staff' as const, userId: 0, agencyId, roles: ['admin' as const], name: 'a' };
    await updateSettings(ctx, admin, agencyId, { settings: { interpretationRequired: true } });
    const refused = await api(s.handler, 'POST', `/api/catalog/items/${doc.id}/actions`, {
      action: 'submit',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/同步起草/);
    // a 解读 needs its document and its form; a video needs its link
    const noForm = await api(s.handler, 'POST', `/api/catalog/agencies/${agencyId}/items`, {
      title: '解读',
      publisher: '某区卫生健康局',
      categoryCode: 'zcjd',
      kind: 'interpretation',
      interpretsItemId: doc.id,
    });
    expect(noForm.json().error).toMatchObject({ field: 'interpretationForm' });
    const interpretation = await draft({
      title: '《关于规范家庭医生签约服务的通知》政策解读',
      writtenOn: '2026-03-12',
      categoryCode: 'zcjd',
      matterId: matter('政策解读').id,
      kind: 'interpretation',
      interpretsItemId: doc.id,
      interpretationForm: 'video',
      mediaUrl: 'https://video.example.gov.cn/jd/2026-8.mp4',
      body: '一、起草背景\n二、主要内容',
    });
    interpretationId = interpretation.id;
    await sign(doc.id);
    // the document cannot go out while its 解读 is still in review
    const early = await act(doc.id, 'publish');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/同步发布/);
    await sign(interpretation.id);
    const alone = await act(interpretation.id, 'publish');
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.message).toMatch(/文件发布时，已签发的解读将同时发布/);
    const published = await act(doc.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', interpretationState: 'published' });
    const i = (await api(s.handler, 'GET', `/api/catalog/items/${interpretation.id}`)).json();
    expect(i).toMatchObject({
      state: 'published',
      publishedOn: published.json().publishedOn,
      interprets: { id: doc.id },
    });
    expect(i.indexNumber).toBeTruthy();
    const events = (await api(s.handler, 'GET', `/api/catalog/items/${interpretation.id}/events`)).json()
      .events;
    expect(events.at(-1)).toMatchObject({ action: 'publish', data: { withDocument: doc.id } });
  });

  it('5. records a 回应关切 with its source and date', async () => {
    const missing = await api(s.handler, 'POST', `/api/catalog/agencies/${agencyId}/items`, {
      title: '关于流感疫苗接种点的回应',
      publisher: '某区卫生健康局',
      categoryCode: 'gzdt',
      kind: 'response',
      writtenOn: '2026-03-12',
    });
    expect(missing.json().error).toMatchObject({ field: 'concernSource' });
    const r = await draft({
      title: '关于流感疫苗接种点的回应',
      categoryCode: 'gzdt',
      kind: 'response',
      concernSource: '12345 政务服务便民热线',
      concernRaisedOn: '2026-03-10',
      writtenOn: '2026-03-12',
      matterId: matter('回应社会关切').id,
    });
    await sign(r.id);
    expect((await act(r.id, 'publish')).json()).toMatchObject({
      kind: 'response',
      concernRaisedOn: '2026-03-10',
    });
  });

  it('3. coverage: the office sees its gaps and late items, the supervisor each agency below it', async () => {
    const own = await api(s.handler, 'GET', `/api/catalog/agencies/${agencyId}/coverage?year=2026`);
    const body = own.json() as {
      rows: { matter: Matter; status: string; published: number; late: number }[];
      totals: { gaps: number; late: number; covered: number };
    };
    const row = (level2: string) => body.rows.find((x) => x.matter.level2 === level2)!;
    expect(row('医疗机构执业登记')).toMatchObject({ status: 'late', published: 1, late: 1 });
    expect(row('行政规范性文件')).toMatchObject({ status: 'covered', published: 1 });
    expect(row('政策解读')).toMatchObject({ status: 'covered', published: 1 });
    expect(row('机构职能').status).toBe('gap');
    expect(row('卫生健康统计资料').status).toBe('on_request');
    expect(body.totals.gaps).toBe(body.rows.filter((x) => x.status === 'gap').length);
    expect(body.totals.gaps).toBeGreaterThan(10);
    expect(own.json().explained).toEqual({ interpretation: 1, interpretationsWithDocument: 1, response: 1 });
    // another agency's staff may not read it; the supervisor above may
    const sx = await loginAs(t.server, 'sx-head');
    expect((await api(sx, 'GET', `/api/catalog/agencies/${agencyId}/coverage`)).statusCode).toBe(403);
    expect(
      (await api(supervisor, 'GET', `/api/catalog/agencies/${agencyId}/coverage?year=2026`)).statusCode,
    ).toBe(200);
    const sup = (await api(supervisor, 'GET', '/api/supervision/coverage?year=2026')).json();
    expect(sup.agencies).toHaveLength(1);
    expect(sup.agencies[0]).toMatchObject({
      agency: { code: 'SW' },
      totals: { gaps: body.totals.gaps, late: 1 },
    });
    expect(sup.agencies[0].gaps).toContain('机构信息 / 机构职能');
    expect((await api(s.handler, 'GET', '/api/supervision/coverage')).statusCode).toBe(403);
    expect(
      (await t.server.inject({ method: 'GET', url: `/api/catalog/agencies/${agencyId}/coverage` }))
        .statusCode,
    ).toBe(401);
  });

  it('the portal shows the catalog (事项 → items), linked from home and the 指南; document and 解读 link each other', async () => {
    const get = async (url: string) =>
      (await t.server.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}agency=SW` })).body;
    expect(await get('/')).toContain('href="/standards?agency=SW"');
    expect(await get('/guide')).toContain('href="/standards?agency=SW"');
    const page = await get('/standards');
    expect(page).toContain('<h2 id="matter-group-0">政策文件</h2>');
    expect(page).toContain('医疗机构执业登记结果公示（2026年第2期）');
    expect(page).toContain('作出行政许可决定之日起7个工作日内');
    const doc = await get(`/items/${documentId}`);
    expect(doc).toContain(`href="/items/${interpretationId}?agency=SW"`);
    expect(doc).toContain('政策解读（视频解读）');
    const interp = await get(`/items/${interpretationId}`);
    expect(interp).toContain(`解读的文件：<a href="/items/${documentId}?agency=SW"`);
    expect(interp).toContain('https://video.example.gov.cn/jd/2026-8.mp4');
    expect(interp).toContain('公开事项：<a href="/standards?agency=SW#matter-');
  });
});
