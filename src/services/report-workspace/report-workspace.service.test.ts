import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/access/roles.ts';
import { counterApplication } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { emptyReport, encodeReport, setCell } from '../../domain/report/index.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import { findPublishedReport } from '../../persistence/repositories/published-report.repository.ts';
import { recordAppeal } from '../appeals/appeals.service.ts';
import { registerByStaff } from '../applications/intake.ts';
import type { ServiceContext } from '../context.ts';
import { reportCharts } from './charts.service.ts';
import { reportCell } from './drilldown.service.ts';
import { publishErratum } from './erratum.service.ts';
import { exportReport } from './export.service.ts';
import { reportHistory } from './history.service.ts';
import { importReport } from './import.service.ts';
import { changeStatus } from './transitions.service.ts';
import { editNarrative, reportWorkspace, setReportFigures, startReport } from './workspace.service.ts';
import type { Staff } from './workspace.fixture.ts';
import { GRANTED, REPEAT, reply, supervisedAgencies } from './workspace.fixture.ts';

const total = (view: { report: Record<string, unknown> }, row: string) =>
  (view.report.requests as Record<string, Record<string, number>>)[row]!.total;

describe.each(DIALECTS)('annual-report workspace on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let health: Record<Role, Staff>;
  let education: Record<Role, Staff>;
  let government: Record<Role, Staff>;
  let agencyId: number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2025-03-03T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    const agencies = await supervisedAgencies(ctx, 'W');
    ({ staff: health } = agencies.health);
    ({ staff: education } = agencies.education);
    ({ staff: government } = agencies.government);
    agencyId = agencies.health.agency.id;
    // C: received 2024-12-20, open on 1 January → 上年结转; A: received and granted in 2025; B: received 2025-11-20, open
    ids.c = (await registerByStaff(ctx, health.registrar, counterApplication('2024-12-20'))).application.id;
    ids.a = (await registerByStaff(ctx, health.registrar, counterApplication('2025-03-03'))).application.id;
    clock.set('2025-03-10T02:00:00Z');
    await reply(ctx, health, ids.a, GRANTED);
    await reply(ctx, health, ids.c, REPEAT);
    clock.set('2025-11-20T02:00:00Z');
    ids.b = (await registerByStaff(ctx, health.registrar, counterApplication('2025-11-20'))).application.id;
    await recordAppeal(ctx, health.handler, {
      applicationId: ids.a,
      kind: 'reconsideration',
      body: 'W区人民政府',
      caseNumber: 'W府复〔2025〕1号',
      filedOn: '2025-06-01',
      decidedOn: null,
      result: null,
      note: null,
    });
    clock.set('2026-01-05T02:00:00Z');
  });
  afterAll(() => database.destroy());

  it('shows a year not started, computed from the live records, with the deadline and who may start it', async () => {
    const view = await reportWorkspace(ctx, health.head, agencyId, 2025);
    expect(view).toMatchObject({ status: 'not_started', live: true, format: '2021', record: null });
    expect([
      total(view, 'new_received'),
      total(view, 'carried_over'),
      total(view, 'total'),
      total(view, 'carry_forward'),
    ]).toEqual([2, 1, 2, 1]);
    expect((view.report.appeals as Record<string, Record<string, number>>).reconsideration).toMatchObject({
      pending: 1,
      total: 1,
    });
    expect(view.cells['requests.new_received.total']).toEqual({
      source: 'applications',
      records: 2,
      note: null,
      entered: false,
    });
    expect(view.cells['appeals.reconsideration.pending']).toMatchObject({ source: 'appeals', records: 1 });
    expect(view.cells['active.licensing.decisions']).toMatchObject({ source: 'missing', entered: true });
    expect(view.deadline).toMatchObject({ dueOn: '2026-01-31', state: 'open', daysLeft: 26 });
    expect(view.actions.map((a) => a.action)).toEqual(['start']);
    expect(view.narrative.overview.text).toContain('本年新收政府信息公开申请2件');
    expect(view.findings.filter((f) => f.severity === 'error')).toEqual([]);
    await expect(reportWorkspace(ctx, education.head, agencyId, 2025)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await reportWorkspace(ctx, government.supervisor, agencyId, 2025)).status).toBe('not_started');
    await expect(reportWorkspace(ctx, government.head, agencyId, 2025)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('drills every counted cell down to the records it counts', async () => {
    const cell = await reportCell(ctx, health.handler, agencyId, 2025, 'requests.carried_over.natural');
    expect(cell).toMatchObject({
      value: 1,
      total: 1,
      source: 'applications',
      label: '表三“二、上年结转”行“自然人”列',
    });
    expect((cell as { applications: { id: number }[] }).applications.map((a) => a.id)).toEqual([ids.c]);
    const granted = await reportCell(ctx, health.handler, agencyId, 2025, 'requests.granted.total');
    expect((granted as { applications: { id: number }[] }).applications.map((a) => a.id)).toEqual([ids.a]);
    const appeal = await reportCell(
      ctx,
      government.supervisor,
      agencyId,
      2025,
      'appeals.reconsideration.total',
    );
    expect((appeal as { appeals: { caseNumber: string }[] }).appeals.map((a) => a.caseNumber)).toEqual([
      'W府复〔2025〕1号',
    ]);
    await expect(
      reportCell(ctx, health.handler, agencyId, 2025, 'requests.nothing.total'),
    ).rejects.toMatchObject({ code: 'validation', field: 'cell' });
  });

  it('drafts: start, narrative checked against the tables, table 二 figures with a note, last year imported', async () => {
    await expect(startReport(ctx, health.registrar, agencyId, 2025)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(editNarrative(ctx, health.handler, agencyId, 2025, { overview: 'x' })).rejects.toMatchObject(
      { code: 'invalid_state' },
    );
    let view = await startReport(ctx, health.handler, agencyId, 2025);
    expect(view).toMatchObject({ status: 'draft', live: true });
    await expect(startReport(ctx, health.head, agencyId, 2025)).rejects.toMatchObject({
      code: 'invalid_state',
    });

    view = await editNarrative(ctx, health.handler, agencyId, 2025, {
      overview: view.narrative.overview.text.replace('新收政府信息公开申请2件', '新收政府信息公开申请7件'),
    });
    expect(view.narrative.overview.edited).toBe(true);
    expect(view.findings).toContainEqual(expect.objectContaining({ code: 'narrative.mismatch', actual: 7 }));
    expect(view.blockingErrors).toBe(0);
    view = await editNarrative(ctx, health.handler, agencyId, 2025, { overview: null }, view.record!.version);
    expect(view.narrative.overview.edited).toBe(false);
    expect(view.findings.some((f) => f.code === 'narrative.mismatch')).toBe(false);
    await expect(editNarrative(ctx, health.handler, agencyId, 2025, { other: 'x' }, 1)).rejects.toMatchObject(
      { code: 'conflict' },
    );
    await expect(
      editNarrative(ctx, government.supervisor, agencyId, 2025, { other: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    view = await setReportFigures(ctx, health.head, agencyId, 2025, [
      { key: 'licensing.decisions', value: 35, note: '来自行政审批系统' },
    ]);
    expect((view.report.active as Record<string, Record<string, number>>).licensing!.decisions).toBe(35);
    expect(view.cells['active.licensing.decisions']).toEqual({
      source: 'entered',
      records: null,
      note: '来自行政审批系统',
      entered: true,
    });
    expect(view.narrative.overview.text).toContain('行政许可决定35件');
    await expect(
      setReportFigures(ctx, health.head, agencyId, 2025, [{ key: 'licensing.decisions', value: -1 }]),
    ).rejects.toMatchObject({
      code: 'validation',
    });

    // last year's report, written outside Gongkai: its 结转下年度 matches this year's 上年结转 (1 自然人)
    const last = emptyReport('2021', 0);
    last.year = 2024;
    setCell(last, 'requests', 'new_received', 'natural', 1);
    setCell(last, 'requests', 'new_received', 'total', 1);
    setCell(last, 'requests', 'carry_forward', 'natural', 1);
    setCell(last, 'requests', 'carry_forward', 'total', 1);
    const bytes = new TextEncoder().encode(JSON.stringify(encodeReport(last)));
    await expect(
      importReport(ctx, health.handler, agencyId, { fileName: '2024.json', bytes, year: 2026 }),
    ).rejects.toMatchObject({ field: 'year' });
    const imported = await importReport(ctx, health.handler, agencyId, { fileName: '2024年报.json', bytes });
    expect(imported.imported).toMatchObject({ year: 2024, fileName: '2024年报.json' });
    view = await reportWorkspace(ctx, health.handler, agencyId, 2025);
    expect(view.previous?.ref).toMatchObject({ kind: 'imported', year: 2024 });
    expect(view.findings.filter((f) => f.code.startsWith('cross_year'))).toEqual([]);
    expect(view.changes!.find((c) => c.path === 'requests.new_received.total')).toMatchObject({
      previous: 1,
      current: 2,
      change: 1,
      changed: true,
    });
  });

  it('submits (frozen), is returned by the supervisor above with comments (live again), cleared, published', async () => {
    await expect(changeStatus(ctx, health.handler, agencyId, 2025, 'submit')).rejects.toMatchObject({
      code: 'forbidden',
    });
    // unfinished: table 二 has blank cells and the template's 〔待填〕 — refused with the list of what is missing
    const refused = await changeStatus(ctx, health.head, agencyId, 2025, 'submit').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_state', field: 'report' });
    const missing = (refused as { details: { missing: string[] } }).details.missing;
    expect(missing[0]).toMatch(/^正文“一、总体情况”还有 \d 处〔待填〕：/);
    expect(missing[1]).toMatch(
      /^表二有 3 个空白单元格（数量为零应填写“0”）：“行政处罚”行“本年处理决定数量”列/,
    );
    expect((refused as Error).message).toContain('年度报告尚未完成');
    let view = await reportWorkspace(ctx, health.head, agencyId, 2025);
    expect(view.missing.map((g) => g.kind)).toEqual([
      'placeholder',
      'blank_cell',
      'blank_cell',
      'blank_cell',
    ]);
    expect(view.actions.find((a) => a.action === 'submit')).toMatchObject({ allowed: false });
    view = await setReportFigures(ctx, health.head, agencyId, 2025, [
      { key: 'penalty.decisions', value: 0, note: '执法系统统计' },
      { key: 'coercion.decisions', value: 0 },
      { key: 'fees.amount_wan', value: 0 },
    ]);
    expect(view.missing).toEqual([]);
    view = await changeStatus(ctx, health.head, agencyId, 2025, 'submit');
    expect(view).toMatchObject({ status: 'submitted', live: false, submittedEarly: false });
    // a late registration with a 2025 receipt date does not move the frozen tables
    clock.set('2026-01-08T02:00:00Z');
    ids.d = (await registerByStaff(ctx, health.registrar, counterApplication('2025-12-31'))).application.id;
    view = await reportWorkspace(ctx, health.head, agencyId, 2025);
    expect(total(view, 'new_received')).toBe(2);
    await expect(editNarrative(ctx, health.handler, agencyId, 2025, { other: 'x' })).rejects.toMatchObject({
      code: 'invalid_state',
    });

    await expect(
      changeStatus(ctx, education.supervisor, agencyId, 2025, 'return', { comment: '数字有误' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeStatus(ctx, health.supervisor, agencyId, 2025, 'clear')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      changeStatus(ctx, government.supervisor, agencyId, 2025, 'return', { comment: ' ' }),
    ).rejects.toMatchObject({ code: 'validation', field: 'comment' });
    await expect(
      editNarrative(ctx, government.supervisor, agencyId, 2025, { other: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    view = await changeStatus(ctx, government.supervisor, agencyId, 2025, 'return', {
      comment: '请补登12月31日收到的申请',
    });
    expect(view).toMatchObject({
      status: 'returned',
      live: true,
      record: { comment: '请补登12月31日收到的申请' },
    });
    expect(view.actions).toEqual([]);
    expect(total(view, 'new_received')).toBe(3);

    view = await changeStatus(ctx, health.head, agencyId, 2025, 'submit');
    expect(view.record!.comment).toBeNull();
    await expect(changeStatus(ctx, health.head, agencyId, 2025, 'publish')).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(changeStatus(ctx, government.supervisor, agencyId, 2025, 'clear')).rejects.toMatchObject({
      code: 'validation',
      field: 'comment',
    });
    view = await changeStatus(ctx, government.supervisor, agencyId, 2025, 'clear', { comment: '通过' });
    expect(view).toMatchObject({ status: 'cleared', record: { comment: '通过' } });
    clock.set('2026-01-20T02:00:00Z');
    view = await changeStatus(ctx, health.head, agencyId, 2025, 'publish');
    expect(view).toMatchObject({
      status: 'published',
      live: false,
      deadline: { state: 'on_time', daysLate: 0 },
    });
    expect(total(view, 'new_received')).toBe(3);
    const portal = await findPublishedReport(database.db, agencyId, 2025);
    expect(JSON.parse(portal!.reportJson)).toMatchObject({
      agency: 'W区卫生健康局',
      year: 2025,
      requests: { new_received: { total: 3 } },
    });
    await expect(
      setReportFigures(ctx, health.head, agencyId, 2025, [{ key: 'penalty.decisions', value: 3 }]),
    ).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('corrects a published report only by an erratum with a reason; every version is kept', async () => {
    await expect(
      publishErratum(ctx, health.head, agencyId, 2025, { reason: ' ', narrative: { other: '更正' } }),
    ).rejects.toMatchObject({
      field: 'reason',
    });
    await expect(
      publishErratum(ctx, health.head, agencyId, 2025, { reason: '无变化' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      publishErratum(ctx, health.handler, agencyId, 2025, { reason: '更正', narrative: { other: 'x' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      publishErratum(ctx, health.head, agencyId, 2025, {
        reason: '错误',
        active: [{ key: 'penalty.decisions', value: 2.5 }],
      }),
    ).rejects.toMatchObject({ code: 'validation', field: 'active.0.value' });
    const view = await publishErratum(ctx, health.head, agencyId, 2025, {
      reason: '更正行政处罚决定数量',
      active: [{ key: 'penalty.decisions', value: 12, note: '执法系统统计' }],
    });
    expect(view).toMatchObject({ status: 'published', record: { publishedVersion: 2 } });
    expect(view.cells['active.penalty.decisions']).toMatchObject({ source: 'entered', note: '执法系统统计' });
    const history = await reportHistory(ctx, government.supervisor, agencyId, 2025);
    expect(history.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '更正行政处罚决定数量'],
    ]);
    expect(
      (history.versions[0]!.report.active as Record<string, Record<string, unknown>>).penalty!.decisions,
    ).toBe(0);
    expect(history.events.map((e) => e.action)).toEqual([
      'start',
      'edit_narrative',
      'edit_narrative',
      'submit',
      'return',
      'submit',
      'clear',
      'publish',
      'erratum',
    ]);
    const portal = await findPublishedReport(database.db, agencyId, 2025);
    expect(JSON.parse(portal!.reportJson).active.penalty.decisions).toBe(12);

    const v1 = await exportReport(ctx, health.handler, agencyId, 2025, 'docx', { version: 1 });
    expect(v1.fileName).toBe('W区卫生健康局2025年政府信息公开工作年度报告.docx');
    expect(v1.body.subarray(0, 2).toString()).toBe('PK');
    const html = await exportReport(ctx, government.supervisor, agencyId, 2025, 'html');
    expect(html.body.toString()).toContain('W区卫生健康局');
    await expect(
      exportReport(ctx, health.handler, agencyId, 2025, 'html', { version: 9 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("carries last year's pending case into next year's table 四, passing the cross-year rules against the published report", async () => {
    clock.set('2026-03-02T02:00:00Z');
    const view = await reportWorkspace(ctx, health.head, agencyId, 2026);
    expect(view.previous?.ref).toMatchObject({ kind: 'record', year: 2025, status: 'published' });
    expect((view.report.appeals as Record<string, Record<string, number>>).reconsideration).toMatchObject({
      pending: 1,
      total: 1,
    });
    expect(total(view, 'carried_over')).toBe(2);
    expect(view.findings.filter((f) => f.code.startsWith('cross_year') || f.severity === 'error')).toEqual(
      [],
    );
    const charts = await reportCharts(ctx, health.head, agencyId, 2025);
    expect(charts.byMonth[2]).toEqual({ month: 3, received: 1, closed: 2 });
    expect(charts.onTime).toMatchObject({ replied: 2, onTime: 1, late: 1 });
  });

  it('lets a top-level 人民政府 publish its own report without submission (deadline 31 March)', async () => {
    const gid = government.head.agencyId;
    await startReport(ctx, government.admin, gid, 2025);
    await expect(changeStatus(ctx, government.head, gid, 2025, 'submit')).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(changeStatus(ctx, government.head, gid, 2025, 'publish')).rejects.toMatchObject({
      code: 'invalid_state',
      field: 'report',
    });
    await setReportFigures(ctx, government.head, gid, 2025, [
      { key: 'licensing.decisions', value: 0 },
      { key: 'penalty.decisions', value: 0 },
      { key: 'coercion.decisions', value: 0 },
      { key: 'fees.amount_wan', value: 0 },
    ]);
    const view = await changeStatus(ctx, government.head, gid, 2025, 'publish');
    expect(view).toMatchObject({ status: 'published', deadline: { dueOn: '2026-03-31', state: 'on_time' } });
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });
});
