import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.ts';
import { emptyReport, setCell } from '../../src/domain/report/index.ts';
import { renderReportHtml } from '../../src/render/report/index.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import type { Staff } from '../../src/services/report-workspace/workspace.fixture.ts';
import { GRANTED, reply, supervisedAgencies } from '../../src/services/report-workspace/workspace.fixture.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

function multipart(
  session: Session,
  file: { name: string; content: string },
  fields: Record<string, string>,
) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/html\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('') + `--${boundary}--\r\n`),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    },
  };
}

interface View {
  status: string;
  live: boolean;
  report: {
    requests: Record<string, Record<string, number>>;
    active: Record<string, Record<string, number | null>>;
  };
  record: { version: number; comment: string | null; publishedVersion: number } | null;
  previous: { ref: { kind: string; year: number } } | null;
  findings: { code: string; severity: string }[];
  actions: { action: string; allowed: boolean }[];
}

describe.each(DIALECTS)('annual-report workspace over HTTP on %s', (dialect) => {
  let t: TestServer;
  let health: Record<Role, Staff>;
  let agencyId: number;
  const clock = new TestClock(new Date('2025-05-06T02:00:00Z'));
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    const agencies = await supervisedAgencies(t.app.ctx, 'H');
    health = agencies.health.staff;
    agencyId = agencies.health.agency.id;
    const { application } = await registerByStaff(
      t.app.ctx,
      health.registrar,
      counterApplication('2025-05-06'),
    );
    await reply(t.app.ctx, health, application.id, GRANTED);
    await registerByStaff(t.app.ctx, health.registrar, counterApplication('2025-05-06'));
  });
  afterAll(() => t.close());

  it('records 行政复议 / 行政诉讼 cases and gives table 四 with drill-down', async () => {
    const handler = await loginAs(t.server, 'hh-handler');
    const bad = await handler.request('POST', '/api/appeals', {
      kind: 'reconsideration',
      body: 'H区人民政府',
      caseNumber: '1',
      filedOn: '2025-13-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation', field: 'filedOn' } });
    const later = await handler.request('POST', '/api/appeals', {
      kind: 'reconsideration',
      body: 'H区人民政府',
      caseNumber: '1',
      filedOn: '2025-06-01',
    });
    expect(later.statusCode).toBe(400);
    expect((later.json() as { error: { message: string } }).error.message).toContain('不能晚于今天');
    const created = await handler.request('POST', '/api/appeals', {
      kind: 'litigation_direct',
      body: 'H区人民法院',
      caseNumber: '（2025）H0102行初1号',
      filedOn: '2025-05-06',
    });
    expect(created.statusCode).toBe(201);
    const { appeal } = created.json() as { appeal: { id: number; statusLabel: string } };
    expect(appeal.statusLabel).toBe('尚未审结');
    const registrar = await loginAs(t.server, 'hh-registrar');
    expect(
      (
        await registrar.request('PUT', `/api/appeals/${appeal.id}`, {
          kind: 'litigation_direct',
          body: 'x',
          caseNumber: 'x',
          filedOn: '2025-05-06',
        })
      ).statusCode,
    ).toBe(403);
    const outsider = await loginAs(t.server, 'he-head');
    expect((await outsider.request('GET', `/api/appeals/${appeal.id}`)).statusCode).toBe(404);
    expect((await outsider.request('GET', `/api/appeals?agencyId=${agencyId}`)).statusCode).toBe(403);
    const table = await registrar.request('GET', '/api/table4?year=2025');
    expect(
      (table.json() as { appeals: Record<string, Record<string, number>> }).appeals.litigation_direct,
    ).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    const cell = await registrar.request(
      'GET',
      '/api/table4/cell?year=2025&row=litigation_direct&column=pending',
    );
    expect((cell.json() as { appeals: { id: number }[] }).appeals.map((c) => c.id)).toEqual([appeal.id]);
  });

  it('walks draft → submit → return → submit → clear → publish → erratum with roles and scopes enforced', async () => {
    clock.set('2026-01-06T02:00:00Z');
    expect((await t.server.inject({ method: 'GET', url: '/api/reports/2025' })).statusCode).toBe(401);
    const handler = await loginAs(t.server, 'hh-handler');
    const head = await loginAs(t.server, 'hh-head');
    const supervisor = await loginAs(t.server, 'hg-supervisor');
    const outsider = await loginAs(t.server, 'he-head');
    const otherSupervisor = await loginAs(t.server, 'he-supervisor');
    const q = `?agencyId=${agencyId}`;

    expect((await outsider.request('GET', `/api/reports/2025${q}`)).statusCode).toBe(403);
    expect((await outsider.request('POST', `/api/reports/2025/start${q}`, {})).statusCode).toBe(403);
    const started = await handler.request('POST', '/api/reports/2025/start', {});
    expect(started.statusCode).toBe(201);
    let view = started.json() as View;
    expect(view).toMatchObject({ status: 'draft', live: true });
    expect(view.report.requests.new_received!.total).toBe(2);

    const drill = await handler.request('GET', '/api/reports/2025/cell?path=requests.granted.total');
    expect(drill.json()).toMatchObject({ value: 1, total: 1, source: 'applications' });
    expect(
      (await handler.request('PUT', '/api/reports/2025/narrative', { sections: { foreword: 'x' } }))
        .statusCode,
    ).toBe(400);
    const edited = await handler.request('PUT', '/api/reports/2025/narrative', {
      sections: { other: '无其他需要报告的事项。' },
      version: view.record!.version,
    });
    expect(edited.statusCode).toBe(200);
    // unfinished: refused with the list of what is missing, in Chinese, nothing written
    const unfinished = await head.request('POST', '/api/reports/2025/actions', { action: 'submit' });
    expect(unfinished.statusCode).toBe(409);
    const refusal = unfinished.json() as {
      error: { code: string; message: string; field: string; details: { missing: string[] } };
    };
    expect(refusal.error).toMatchObject({ code: 'invalid_state', field: 'report' });
    expect(refusal.error.message).toMatch(
      /^年度报告尚未完成，不能报送、审核通过或公开：（1）正文“一、总体情况”还有/,
    );
    expect(refusal.error.details.missing.some((m) => m.startsWith('表二有 4 个空白单元格'))).toBe(true);
    expect(((await head.request('GET', '/api/reports/2025')).json() as View).status).toBe('draft');
    const figures = await handler.request('PUT', '/api/reports/2025/figures', {
      figures: [
        { key: 'penalty.decisions', value: 8, note: '执法办案系统导出' },
        { key: 'licensing.decisions', value: 40 },
        { key: 'coercion.decisions', value: 0 },
        { key: 'fees.amount_wan', value: 0 },
      ],
    });
    expect((figures.json() as View).report.active.penalty!.decisions).toBe(8);
    expect((figures.json() as { missing: unknown[] }).missing).toEqual([]);
    expect(
      (
        await supervisor.request('PUT', `/api/reports/2025/narrative${q}`, {
          sections: { other: '上级改写' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await outsider.request('PUT', `/api/reports/2025/figures${q}`, {
          figures: [{ key: 'penalty.decisions', value: 1 }],
        })
      ).statusCode,
    ).toBe(403);

    // last year's report, written elsewhere and uploaded as a web page
    const last = emptyReport('2021', 0);
    last.year = 2024;
    last.agency = 'H区卫生健康局';
    setCell(last, 'requests', 'new_received', 'natural', 3);
    setCell(last, 'requests', 'new_received', 'total', 3);
    setCell(last, 'requests', 'granted', 'natural', 3);
    setCell(last, 'requests', 'granted', 'total', 3);
    setCell(last, 'requests', 'total', 'natural', 3);
    setCell(last, 'requests', 'total', 'total', 3);
    last.narrative = { overview: '2024年，本局收到政府信息公开申请3件。', problems: '无。', other: '无。' };
    const upload = await t.server.inject({
      method: 'POST',
      url: '/api/reports/imports',
      ...multipart(handler, { name: '2024年报.html', content: renderReportHtml(last) }, { year: '2024' }),
    });
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({
      imported: { year: 2024, fileName: '2024年报.html' },
      report: { requests: { new_received: { total: 3 } } },
    });
    view = (await handler.request('GET', '/api/reports/2025')).json() as View;
    expect(view.previous?.ref).toMatchObject({ kind: 'imported', year: 2024 });
    expect(view.findings.filter((f) => f.code.startsWith('cross_year'))).toEqual([]);

    expect(
      (await handler.request('POST', '/api/reports/2025/actions', { action: 'submit' })).statusCode,
    ).toBe(403);
    view = (await head.request('POST', '/api/reports/2025/actions', { action: 'submit' })).json() as View;
    expect(view).toMatchObject({ status: 'submitted', live: false });
    expect(
      (await handler.request('PUT', '/api/reports/2025/narrative', { sections: { other: 'x' } })).statusCode,
    ).toBe(409);

    expect(
      (await otherSupervisor.request('POST', `/api/reports/2025/actions${q}`, { action: 'clear' }))
        .statusCode,
    ).toBe(403);
    const noComment = await supervisor.request('POST', `/api/reports/2025/actions${q}`, { action: 'return' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json()).toMatchObject({ error: { field: 'comment' } });
    const returned = await supervisor.request('POST', `/api/reports/2025/actions${q}`, {
      action: 'return',
      comment: '请核对表二行政处罚数量',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      live: true,
      record: { comment: '请核对表二行政处罚数量' },
    });
    expect((await head.request('POST', '/api/reports/2025/actions', { action: 'submit' })).statusCode).toBe(
      200,
    );
    expect(
      (await head.request('POST', `/api/reports/2025/actions${q}`, { action: 'clear' })).statusCode,
    ).toBe(403);
    const noOpinion = await supervisor.request('POST', `/api/reports/2025/actions${q}`, { action: 'clear' });
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json()).toMatchObject({
      error: { field: 'comment', message: '审核通过须填写审核意见（如“通过”）' },
    });
    expect(
      (
        await supervisor.request('POST', `/api/reports/2025/actions${q}`, {
          action: 'clear',
          comment: '通过',
        })
      ).json(),
    ).toMatchObject({ status: 'cleared', record: { comment: '通过' } });
    expect(
      (await supervisor.request('POST', `/api/reports/2025/actions${q}`, { action: 'publish' })).statusCode,
    ).toBe(403);
    const published = await head.request('POST', '/api/reports/2025/actions', { action: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published', record: { publishedVersion: 1 } });

    // frozen: no edits; corrections only as an erratum, the history kept
    expect(
      (await handler.request('PUT', '/api/reports/2025/narrative', { sections: { other: 'x' } })).statusCode,
    ).toBe(409);
    expect(
      (
        await handler.request('PUT', '/api/reports/2025/figures', {
          figures: [{ key: 'penalty.decisions', value: 9 }],
        })
      ).statusCode,
    ).toBe(409);
    const noReason = await head.request('POST', '/api/reports/2025/erratum', {
      reason: '',
      narrative: { other: '更正' },
    });
    expect(noReason.statusCode).toBe(400);
    const erratum = await head.request('POST', '/api/reports/2025/erratum', {
      reason: '更正行政处罚决定数量',
      active: [{ key: 'penalty.decisions', value: 9, note: '复核后数量' }],
    });
    expect(erratum.statusCode).toBe(200);
    expect(erratum.json()).toMatchObject({
      status: 'published',
      record: { publishedVersion: 2 },
      report: { active: { penalty: { decisions: 9 } } },
    });
    const history = (await supervisor.request('GET', `/api/reports/2025/history${q}`)).json() as {
      versions: { version: number; reason: string | null; report: View['report'] }[];
      events: { action: string }[];
    };
    expect(history.versions.map((v) => [v.version, v.reason, v.report.active.penalty!.decisions])).toEqual([
      [1, null, 8],
      [2, '更正行政处罚决定数量', 9],
    ]);
    expect(history.events.at(-1)).toMatchObject({ action: 'erratum' });

    const docx = await supervisor.request('GET', `/api/reports/2025/export${q}&to=docx&version=1`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain(
      encodeURIComponent('H区卫生健康局2025年政府信息公开工作年度报告.docx'),
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await handler.request('GET', '/api/reports/2025/export?to=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await handler.request('GET', '/api/reports/2025/export?to=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect((await outsider.request('GET', `/api/reports/2025/export${q}&to=html`)).statusCode).toBe(403);

    const charts = (await handler.request('GET', '/api/reports/2025/charts')).json() as {
      byMonth: { received: number }[];
    };
    expect(charts.byMonth[4]!.received).toBe(2);
    const list = (await handler.request('GET', '/api/reports')).json() as {
      reports: { year: number; status: string; deadline: { state: string } }[];
      imported: { year: number }[];
    };
    expect(list.reports).toEqual([
      expect.objectContaining({
        year: 2025,
        status: 'published',
        deadline: expect.objectContaining({ state: 'on_time' }),
      }),
    ]);
    expect(list.imported.map((i) => i.year)).toEqual([2024]);
  });
});
