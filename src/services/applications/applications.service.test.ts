import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyWithStaff,
  counterApplication,
  ID_NUMBER,
  naturalApplicant,
  PHONE,
} from '../../../test/support/fixtures.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import type { ServiceContext } from '../context.ts';
import { act } from './actions.ts';
import { registerByStaff, submitOnline } from './intake.ts';
import {
  applicationTimeline,
  getApplication,
  inbox,
  lookupByTrackingCode,
  revealApplicant,
} from './queries.ts';
import { table3ForAgency } from './table3.ts';
import { validateReport, emptyReport } from '../../domain/report/index.ts';

describe.each(DIALECTS)('applications on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let staff: Record<string, Staff>;
  let other: Record<string, Staff>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // 2026-09-24 (Thursday) 10:00 Beijing time
    clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    ({ staff } = await agencyWithStaff(ctx, 'A1'));
    ({ staff: other } = await agencyWithStaff(ctx, 'B1'));
  });
  afterAll(() => database.destroy());

  it('registers a counter application with its statutory clock, and rejects bad input naming every field', async () => {
    const { application, secret } = await registerByStaff(
      ctx,
      staff.registrar!,
      counterApplication('2026-09-24'),
    );
    // 20 WD from 2026-09-24 across 中秋 (09-25–27) and 国庆 (10-01–07), with 调休 09-20 (before) and 10-10 (Saturday, working)
    expect(application.application.deadlines.reply?.date).toBe('2026-10-29');
    expect(application.application.deadlines.correctionNotice.date).toBe('2026-10-12');
    expect(secret).toMatch(/^[0-9A-Z]{8}$/);
    const error = await registerByStaff(ctx, staff.registrar!, {
      ...counterApplication('2026-09-24'),
      applicant: naturalApplicant({ idNumber: '110105194912310021', phone: '123' }),
      items: [],
    }).then(
      () => null,
      (e: unknown) => e as { code: string; details: { field: string }[] },
    );
    if (!error) throw new Error('expected a validation error');
    expect(error.code).toBe('validation');
    expect(error.details.map((d) => d.field).sort()).toEqual(
      ['applicant.idNumber', 'applicant.phone', 'items'].sort(),
    );
    await expect(
      registerByStaff(ctx, staff.reviewer!, counterApplication('2026-09-24')),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('walks a full lifecycle: 补正, consultation, extension, 部分公开, review, reply, archive — every step an event', async () => {
    clock.set('2026-09-24T02:00:00Z');
    const { application } = await registerByStaff(ctx, staff.registrar!, counterApplication('2026-09-24'));
    const id = application.id;
    let view = await act(ctx, staff.handler!, id, {
      type: 'request_correction',
      points: ['请写明文件名称或文号'],
      periodDays: 10,
    });
    expect(view.application.state).toBe('correction_requested');
    expect(view.application.deadlines.reply).toBeNull();
    clock.set('2026-10-12T02:00:00Z');
    view = await act(ctx, staff.registrar!, id, { type: 'receive_correction', receivedOn: '2026-10-12' });
    // the period restarts from receipt of the corrected application: 20 WD after 2026-10-12
    expect(view.application.deadlines.reply?.date).toBe('2026-11-09');
    clock.set('2026-10-13T02:00:00Z');
    view = await act(ctx, staff.handler!, id, {
      type: 'start_consultation',
      kind: 'third_party',
      party: '某医药公司',
    });
    clock.set('2026-10-20T02:00:00Z');
    view = await act(ctx, staff.handler!, id, { type: 'end_consultation' });
    // 5 working days paused (10-14 … 10-20)
    expect(view.application.deadlines.reply?.date).toBe('2026-11-16');
    await expect(
      act(ctx, staff.handler!, id, { type: 'extend', days: 20, reason: '需要调取档案' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    view = await act(ctx, staff.head!, id, { type: 'extend', days: 20, reason: '需要调取档案' });
    expect(view.application.deadlines.reply?.date).toBe('2026-12-14');
    await expect(
      act(ctx, staff.head!, id, { type: 'extend', days: 5, reason: '再次' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    view = await act(ctx, staff.handler!, id, {
      type: 'submit_decision',
      decision: {
        outcome: 'partially_granted',
        replyType: 'separated',
        exemption: '涉及个人隐私，公开会损害第三方合法权益（条例第十五条）',
        reasons: '部分内容涉及个人隐私',
        responsibleAgency: null,
      },
    });
    view = await act(ctx, staff.reviewer!, id, { type: 'approve_decision' });
    clock.set('2026-10-21T02:00:00Z');
    view = await act(ctx, staff.registrar!, id, { type: 'send_reply' });
    expect(view.application).toMatchObject({
      state: 'replied',
      outcome: 'partially_granted',
      closedOn: '2026-10-21',
    });
    view = await act(ctx, staff.registrar!, id, { type: 'archive' });
    const timeline = await applicationTimeline(ctx, staff.handler!, id);
    expect(timeline.events.map((e) => e.action)).toEqual([
      'register',
      'request_correction',
      'receive_correction',
      'start_consultation',
      'end_consultation',
      'extend',
      'submit_decision',
      'approve_decision',
      'send_reply',
      'archive',
    ]);
    expect(timeline.dueDateChanges.some((c) => c.reason === 'extended' && c.to === '2026-12-14')).toBe(true);
    expect(timeline.letters.map((l) => l.kind)).toEqual(['correction', 'consultation', 'extension', 'reply']);
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });

  it('keeps agencies apart and masks personal data unless revealed (audited)', async () => {
    clock.set('2026-10-21T02:00:00Z');
    const { application } = await registerByStaff(ctx, staff.registrar!, counterApplication('2026-10-21'));
    await expect(getApplication(ctx, other.handler!, application.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(act(ctx, other.handler!, application.id, { type: 'accept' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const masked = await getApplication(ctx, staff.handler!, application.id);
    expect(masked.applicant.idNumber).not.toBe(ID_NUMBER);
    expect(masked.applicant.idNumber).toMatch(/^110105\*+002X$/);
    const full = await revealApplicant(ctx, staff.handler!, application.id);
    expect(full.applicant).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE });
    const ids = (await inbox(ctx, other.handler!, {})).rows.map((r) => r.id);
    expect(ids).not.toContain(application.id);
  });

  it('lets the applicant see their own application by 查询码 and secret only', async () => {
    clock.set('2026-10-22T02:00:00Z');
    const { application, secret } = await submitOnline(ctx, staff.registrar!.agencyId, {
      applicant: naturalApplicant({ name: '王芳' }),
      items: [{ description: '某医院收费标准', documentNumber: null }],
      form: 'electronic',
      delivery: 'online',
    });
    expect(application.application.receivedOn).toBe('2026-10-22');
    const seen = await lookupByTrackingCode(ctx, application.trackingCode.toLowerCase(), secret);
    expect(seen).toMatchObject({ applicantName: '王芳', stateLabel: '已登记' });
    await expect(lookupByTrackingCode(ctx, application.trackingCode, 'WRONG123')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('derives due soon and overdue from dates in the inbox', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const overdue = (await inbox(ctx, staff.handler!, { due: 'overdue' })).rows;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.replyDue! < '2026-12-01')).toBe(true);
  });

  it('counts the working days left in the inbox: negative when overdue, none while no reply clock runs', async () => {
    clock.set('2026-09-24T02:00:00Z');
    const register = async () =>
      (await registerByStaff(ctx, other.registrar!, counterApplication('2026-09-24'))).application;
    const running = await register();
    const correcting = await register();
    await act(ctx, other.handler!, correcting.id, {
      type: 'request_correction',
      points: ['请写明文件名称'],
      periodDays: 10,
    });
    const consulting = await register();
    await act(ctx, other.registrar!, consulting.id, { type: 'accept' });
    await act(ctx, other.handler!, consulting.id, {
      type: 'start_consultation',
      kind: 'third_party',
      party: '某医药公司',
    });
    const withdrawn = await register();
    await act(ctx, other.registrar!, withdrawn.id, { type: 'withdraw', reason: null });
    const row = async (id: number, code: string) =>
      (await inbox(ctx, other.handler!, { q: code })).rows.find((r) => r.id === id)!;
    // due 2026-10-29: 20 working days from today (across 中秋 and 国庆)
    expect(await row(running.id, running.trackingCode)).toMatchObject({
      replyDue: '2026-10-29',
      dueStatus: 'on_track',
      workingDaysLeft: 20,
    });
    // the day before: 1 working day left, due soon; on the day: 0
    clock.set('2026-10-28T02:00:00Z');
    expect(await row(running.id, running.trackingCode)).toMatchObject({
      dueStatus: 'due_soon',
      workingDaysLeft: 1,
    });
    clock.set('2026-10-29T02:00:00Z');
    expect((await row(running.id, running.trackingCode)).workingDaysLeft).toBe(0);
    // overdue since 10-29: 10-30 (Friday) and 11-02 (Monday) are the two working days past it
    clock.set('2026-11-02T02:00:00Z');
    expect(await row(running.id, running.trackingCode)).toMatchObject({
      dueStatus: 'overdue',
      workingDaysLeft: -2,
    });
    expect(await row(correcting.id, correcting.trackingCode)).toMatchObject({
      state: 'correction_requested',
      replyDue: null,
      workingDaysLeft: null,
    });
    // the third party had 15 WD from 09-24 (to 10-22): past them the clock runs again and the consultation is
    // overdue (the agency decides, 条例第三十二条); the reply is due 20 + 15 WD after receipt
    const resumed = await row(consulting.id, consulting.trackingCode);
    expect(resumed).toMatchObject({
      state: 'consulting',
      replyDue: '2026-11-19',
      consultationDue: '2026-10-22', // 09-24 + 15 WD: 国庆 10-01–10-07 off, 10-10 worked
      consultationOverdue: true,
      workingDaysLeft: 13,
    });
    clock.set('2026-10-12T02:00:00Z');
    expect(await row(consulting.id, consulting.trackingCode)).toMatchObject({
      consultationOverdue: false,
      workingDaysLeft: null, // paused while the party's 15 WD run
    });
    clock.set('2026-11-02T02:00:00Z');
    expect(await row(withdrawn.id, withdrawn.trackingCode)).toMatchObject({
      state: 'withdrawn',
      dueStatus: null,
      workingDaysLeft: null,
    });
  });

  it('names who acted on each event of the timeline: the staff member, 系统 for the portal', async () => {
    clock.set('2026-11-02T02:00:00Z');
    const online = await submitOnline(ctx, other.head!.agencyId, {
      applicant: naturalApplicant({ name: '网上申请人' }),
      items: [{ description: '本局2025年度部门预算', documentNumber: null }],
      form: 'electronic',
      delivery: 'online',
    });
    await act(ctx, other.registrar!, online.application.id, { type: 'accept' });
    const timeline = await applicationTimeline(ctx, other.handler!, online.application.id);
    expect(timeline.events.map((e) => [e.action, e.actor, e.actorName])).toEqual([
      ['register', 'system:portal', '系统'],
      ['accept', `user:${other.registrar!.userId}`, 'registrar-B1'],
    ]);
  });

  it('computes table 三 from the records, reconciling by construction', async () => {
    const t = await table3ForAgency(ctx, staff.head!, staff.head!.agencyId, 2026);
    const report = emptyReport('2021', 0);
    report.year = 2026;
    report.agency = 'A1';
    report.requests = t.requests as typeof report.requests;
    expect(validateReport(report).filter((f) => f.code.startsWith('table3'))).toEqual([]);
    expect(t.requests.partially_granted.natural).toBe(1);
    expect(t.requests.new_received.total).toBeGreaterThanOrEqual(4);
  });

  it('stores no plaintext name, ID number, phone or e-mail in the database', async () => {
    let raw: Buffer;
    if (database.sqlite) {
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      raw = readFileSync(database.location);
    } else {
      const { rows } = await sql<{
        t: string;
      }>`select string_agg(row_to_json(a)::text, ' ') as t from applications a`.execute(database.db);
      raw = Buffer.from(rows[0]?.t ?? '');
      expect(raw.length).toBeGreaterThan(1000);
    }
    expect(raw.includes(Buffer.from(ID_NUMBER))).toBe(false);
    expect(raw.includes(Buffer.from(PHONE))).toBe(false);
    expect(raw.includes(Buffer.from('liming@example.com'))).toBe(false);
    // the name too since 0010 (issue 16 point 6): encrypted, found by its blind index
    expect(raw.includes(Buffer.from('李明'))).toBe(false);
  });
});
