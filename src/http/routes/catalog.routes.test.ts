import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxWith } from '../../../test/support/catalog-files.ts';
import { TestClock } from '../../../test/support/context.ts';
import { agencyWithStaff } from '../../../test/support/fixtures.ts';
import type { Session } from '../../../test/support/http.ts';
import { loginAs } from '../../../test/support/http.ts';
import { consistentReport } from '../../../test/support/report-arbitrary.ts';
import type { TestServer } from '../../../test/support/server.ts';
import { startTestServer } from '../../../test/support/server.ts';

/** A multipart/form-data body with one file field "file" (the file name in raw UTF-8, as browsers send it). */
export function multipart(fileName: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('catalog JSON API', () => {
  let t: TestServer;
  let x: Record<'handler' | 'reviewer' | 'head' | 'admin' | 'registrar', Session>;
  let y: Session;
  let agencyX = 0;
  let agencyY = 0;
  let routes: { method: string; path: string }[];
  const upload = (s: Session, url: string, file: ReturnType<typeof multipart>) =>
    t.server.inject({
      method: 'POST',
      url,
      payload: file.payload,
      headers: { ...file.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });

  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
    t = await startTestServer('sqlite', { now: clock.now });
    agencyX = (await agencyWithStaff(t.app.ctx, 'CX')).agency.id;
    agencyY = (await agencyWithStaff(t.app.ctx, 'CY')).agency.id;
    x = {
      handler: await loginAs(t.server, 'cx-handler'),
      reviewer: await loginAs(t.server, 'cx-reviewer'),
      head: await loginAs(t.server, 'cx-head'),
      admin: await loginAs(t.server, 'cx-admin'),
      registrar: await loginAs(t.server, 'cx-registrar'),
    };
    y = await loginAs(t.server, 'cy-head');
    const openapi = (await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, object>;
    };
    routes = Object.entries(openapi.paths)
      .filter(([path]) => path.startsWith('/api/catalog/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  const fill = (path: string, agencyId: number, id: number) =>
    path
      .replace('{agencyId}', String(agencyId))
      .replace('{year}', '2026')
      .replace('{key}', 'licensing.decisions')
      .replace(/\{[^}]+\}/g, String(id));

  it('documents every route in the OpenAPI document with a summary', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses anonymous callers on every catalog route (401)', async () => {
    for (const r of routes) {
      const response = await t.server.inject({
        method: r.method as 'GET',
        url: fill(r.path, agencyX, 1),
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it('lets staff of another agency reach none of X’s items, figures or register, and change nothing', async () => {
    const created = await x.handler.request('POST', `/api/catalog/agencies/${agencyX}/items`, {
      title: '仅限本机关',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '电话 13812345678',
    });
    expect(created.statusCode).toBe(201);
    const itemId = (created.json() as { id: number }).id;
    const hitId = (created.json() as { hits: { id: number }[] }).hits[0]!.id;
    for (const r of routes) {
      const url = fill(r.path, agencyX, r.path.includes('/hits/') ? hitId : itemId);
      const response: LightMyRequestResponse = await y.request(
        r.method,
        url,
        r.method === 'GET' ? undefined : { action: 'submit', note: 'x', reason: 'x' },
      );
      expect([400, 403, 404, 415], `${r.method} ${r.path} → ${response.statusCode}`).toContain(
        response.statusCode,
      );
      expect(response.body).not.toContain('13812345678');
    }
    const view = (await x.handler.request('GET', `/api/catalog/items/${itemId}`)).json() as {
      state: string;
      hits: { clearedAt: string | null }[];
    };
    expect(view.state).toBe('draft');
    expect(view.hits[0]!.clearedAt).toBeNull();
    expect(agencyY).not.toBe(agencyX);
  });

  it('requires the CSRF token on changes made with a session', async () => {
    const response = await t.server.inject({
      method: 'POST',
      url: `/api/catalog/agencies/${agencyX}/items`,
      headers: { cookie: x.handler.cookie },
      payload: { title: '无令牌', publisher: '某局', categoryCode: 'gzdt' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers schema and rule violations with 4xx and a Chinese message naming the field', async () => {
    const tooLong = await x.handler.request('POST', `/api/catalog/agencies/${agencyX}/items`, {
      title: '长'.repeat(201),
      publisher: '某局',
      categoryCode: 'gzdt',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ error: { code: 'validation', field: 'title' } });
    const badDate = await x.handler.request('POST', `/api/catalog/agencies/${agencyX}/items`, {
      title: '日期',
      publisher: '某局',
      categoryCode: 'gzdt',
      writtenOn: '2026-02-30',
    });
    expect(badDate.json()).toMatchObject({
      error: { field: 'writtenOn', message: '成文日期应为 YYYY-MM-DD 格式的有效日期' },
    });
    const wrongRole = await x.admin.request('POST', `/api/catalog/agencies/${agencyX}/items`, {
      title: '管理员',
      publisher: '某局',
      categoryCode: 'gzdt',
    });
    expect(wrongRole.statusCode).toBe(403);
    expect((wrongRole.json() as { error: { message: string } }).error.message).toContain('承办人');
  });

  it('runs an item through review with an attachment hit cleared, then publishes it', async () => {
    const created = (
      await x.handler.request('POST', `/api/catalog/agencies/${agencyX}/items`, {
        title: '关于公布2026年第一批医疗机构校验结果的通告',
        publisher: '某区卫生健康委员会',
        categoryCode: 'xzxk',
        writtenOn: '2026-02-27',
        body: '校验结果见附件。',
      })
    ).json() as { id: number };
    const uploaded = await upload(
      x.handler,
      `/api/catalog/items/${created.id}/attachments`,
      multipart('校验结果.docx', docxWith(['某诊所 负责人 身份证号 11010519491231002X'])),
    );
    expect(uploaded.statusCode).toBe(201);
    const hits = (uploaded.json() as { hits: { id: number; kind: string; sourceLabel: string }[] }).hits;
    expect(hits.map((h) => [h.kind, h.sourceLabel])).toEqual([['id_number', '附件“校验结果.docx”']]);
    for (const [who, action] of [
      ['handler', 'submit'],
      ['reviewer', 'approve'],
    ] as const)
      expect(
        (await x[who].request('POST', `/api/catalog/items/${created.id}/actions`, { action })).statusCode,
      ).toBe(200);
    const blocked = await x.reviewer.request('POST', `/api/catalog/items/${created.id}/actions`, {
      action: 'pass_secrecy',
    });
    expect(blocked.statusCode).toBe(409);
    expect((blocked.json() as { error: { message: string } }).error.message).toContain('未经审核人确认');
    expect(
      (
        await x.reviewer.request('POST', `/api/catalog/hits/${hits[0]!.id}/clear`, {
          note: '附件已删去身份证号后重新上传前，经核对为样例号码',
        })
      ).statusCode,
    ).toBe(200);
    for (const [who, action] of [
      ['reviewer', 'pass_secrecy'],
      ['head', 'sign'],
      ['handler', 'publish'],
    ] as const) {
      const r = await x[who].request('POST', `/api/catalog/items/${created.id}/actions`, { action });
      expect(r.statusCode, action).toBe(200);
    }
    const view = (await x.head.request('GET', `/api/catalog/items/${created.id}`)).json() as {
      state: string;
      indexNumber: string;
      actions: { action: string }[];
    };
    expect(view).toMatchObject({ state: 'published', indexNumber: 'CX/2026-00001' });
    expect(view.actions.map((a) => a.action)).toEqual(['expire', 'repeal', 'withdraw']);
    const events = (await x.head.request('GET', `/api/catalog/items/${created.id}/events`)).json() as {
      events: { action: string }[];
    };
    expect(events.events.map((e) => e.action)).toEqual([
      'create',
      'add_attachment',
      'submit',
      'approve',
      'clear_hit',
      'pass_secrecy',
      'sign',
      'publish',
    ]);
    const queue = (
      await x.reviewer.request('GET', `/api/catalog/agencies/${agencyX}/review-queue`)
    ).json() as { items: { id: number }[] };
    expect(queue.items.map((i) => i.id)).not.toContain(created.id);
  });

  it('keeps yearly figures, imports them all or nothing, and serves table 二 in both layouts', async () => {
    const put = await x.handler.request('PUT', `/api/catalog/agencies/${agencyX}/figures/2026`, {
      figures: [{ key: 'licensing.decisions', value: 88 }],
    });
    expect(put.statusCode).toBe(200);
    const csv = '年度,事项,指标,数值\n2026,行政处罚,本年处理决定数量,5\n2026,行政强制,本年处理决定数量,-1\n';
    const bad = await upload(
      x.handler,
      `/api/catalog/agencies/${agencyX}/figures/import`,
      multipart('数据.csv', new TextEncoder().encode(csv), 'text/csv'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { problems: [{ row: 3, column: '数值' }] } } });
    const table = (await x.head.request('GET', `/api/catalog/agencies/${agencyX}/table2/2026`)).json() as {
      format: string;
      active: Record<string, Record<string, number | null>>;
    };
    expect(table.format).toBe('2021');
    expect(table.active.licensing).toEqual({ decisions: 88 });
    expect(table.active.penalty).toEqual({ decisions: null });
    const old = (await x.head.request('GET', `/api/catalog/agencies/${agencyX}/table2/2020`)).json() as {
      format: string;
      blocks: { header: string }[];
    };
    expect(old.format).toBe('2019');
    expect(old.blocks.map((b) => b.header)).toContain('第二十条第（九）项');
  });

  it('publishes an annual report to the portal (负责人 only, only without errors)', async () => {
    const report = consistentReport('2021', () => 3, 2025);
    report.agency = 'CX卫生健康局';
    expect(
      (await x.handler.request('POST', `/api/catalog/agencies/${agencyX}/published-reports`, { report }))
        .statusCode,
    ).toBe(403);
    const broken = structuredClone(report);
    const totals = broken.requests.total as Record<string, number>;
    totals.natural = (totals.natural ?? 0) + 1;
    const refused = await x.head.request('POST', `/api/catalog/agencies/${agencyX}/published-reports`, {
      report: broken,
    });
    expect(refused.statusCode).toBe(400);
    const ok = await x.head.request('POST', `/api/catalog/agencies/${agencyX}/published-reports`, { report });
    expect(ok.statusCode).toBe(201);
    const page = await t.server.inject({ method: 'GET', url: '/reports/2025?agency=CX' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('第二十条第（一）项');
    expect(page.body).toContain('CX卫生健康局2025年政府信息公开工作年度报告');
  });

  it('refuses to publish a year the agency keeps in the report workspace: that goes through its review', async () => {
    const started = await x.handler.request('POST', '/api/reports/2024/start', {});
    expect(started.statusCode, started.body).toBe(201);
    const report = consistentReport('2021', () => 2, 2024);
    report.agency = 'CX卫生健康局';
    const refused = await x.head.request('POST', `/api/catalog/agencies/${agencyX}/published-reports`, {
      report,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'conflict', field: 'report.year' } });
    expect((refused.json() as { error: { message: string } }).error.message).toContain(
      '请通过年度报告工作台审核后发布',
    );
    const listed = (
      await x.head.request('GET', `/api/catalog/agencies/${agencyX}/published-reports`)
    ).json() as { reports: { year: number }[] };
    expect(listed.reports.map((r) => r.year)).toEqual([2025]);
    expect((await t.server.inject({ method: 'GET', url: '/reports/2024?agency=CX' })).statusCode).toBe(404);
  });
});
