import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import type { OpenCosign, ReminderPerson } from '../reminders/index.ts';
import { cosignRemindersFor, reminderDigest, reminderIsFor } from '../reminders/index.ts';
import type { Cosign, CosignContext } from './index.ts';
import {
  answerCosign,
  cosignStatus,
  departmentProblems,
  departmentsOf,
  isOpenCosign,
  planCosigns,
  withdrawalReason,
} from './index.ts';

const calendar = bundledCalendar();
const ctx = (over: Partial<CosignContext> = {}): CosignContext => ({
  today: '2026-04-02',
  calendar,
  departments: ['法规科', '医政科', '办公室'],
  replyDue: '2026-04-30',
  openDepartments: [],
  ...over,
});

/** The AppError a call throws (fails the test when it does not throw one). */
function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('opening 会签 (issue 12 point 2)', () => {
  it('computes each department’s due date in working days on the official calendar (清明 skipped)', () => {
    const planned = planCosigns(
      {
        question: '  请就申请公开的医疗机构执业许可信息是否涉及第三方商业秘密提出意见  ',
        departments: [
          { department: '法规科', workingDays: 2 },
          { department: '医政科', dueOn: '2026-04-10' },
        ],
      },
      ctx(),
    );
    expect(planned).toEqual([
      {
        department: '法规科',
        question: '请就申请公开的医疗机构执业许可信息是否涉及第三方商业秘密提出意见',
        dueOn: '2026-04-07', // 4月3日（五）, then 4–6 April 清明节 off, 7 April
        workingDays: 2,
        provisional: false,
      },
      expect.objectContaining({ department: '医政科', dueOn: '2026-04-10', workingDays: 5 }),
    ]);
  });

  it('refuses a due date after the reply due date, naming the field — 会签 does not stop the clock', () => {
    const late = refusal(() =>
      planCosigns(
        {
          question: '请提出意见',
          departments: [
            { department: '法规科', workingDays: 3 },
            { department: '医政科', workingDays: 20 },
          ],
        },
        ctx({ replyDue: '2026-04-20' }),
      ),
    );
    expect(late.code).toBe('validation');
    expect(late.field).toBe('departments.1.workingDays');
    // 20 working days from 2 April: 清明 (4–6 April) and 劳动节 (1–5 May) are off
    expect(late.message).toBe(
      '医政科的会签期限（2026-05-06）晚于本申请的答复期限（2026-04-20）：会签不中止答复期限，应在答复期限内',
    );
    const byDate = refusal(() =>
      planCosigns(
        { question: '请提出意见', departments: [{ department: '法规科', dueOn: '2026-04-21' }] },
        ctx({ replyDue: '2026-04-20' }),
      ),
    );
    expect(byDate.field).toBe('departments.0.dueOn');
    // the reply due date itself is inside the period
    expect(
      planCosigns(
        { question: '请提出意见', departments: [{ department: '法规科', dueOn: '2026-04-20' }] },
        ctx({ replyDue: '2026-04-20' }),
      )[0]!.dueOn,
    ).toBe('2026-04-20');
  });

  it('refuses a holiday, a past day, a bad period, an unknown or repeated department, and a case with no reply period', () => {
    const one = (entry: Record<string, unknown>, over: Partial<CosignContext> = {}) =>
      refusal(() => planCosigns({ question: '请提出意见', departments: [entry] }, ctx(over)));
    expect(one({ department: '法规科', dueOn: '2026-04-06' }).message).toBe(
      '会签期限（2026-04-06）是清明节假期，请选择工作日',
    );
    expect(one({ department: '法规科', dueOn: '2026-04-02' }).message).toContain('应晚于今天（2026-04-02）');
    expect(one({ department: '法规科', workingDays: 0 }).field).toBe('departments.0.workingDays');
    expect(one({ department: '法规科', workingDays: 2.5 }).field).toBe('departments.0.workingDays');
    expect(one({ department: '财务科', workingDays: 2 }).message).toBe('“财务科”不是本机关的科室');
    expect(one({ department: '法规科', workingDays: 2 }, { openDepartments: ['法规科'] }).message).toBe(
      '法规科对本申请的会签尚未答复，不能重复发起',
    );
    expect(one({ department: '法规科', workingDays: 2 }, { replyDue: null }).code).toBe('invalid_state');
    const twice = refusal(() =>
      planCosigns(
        {
          question: '请提出意见',
          departments: [
            { department: '法规科', workingDays: 2 },
            { department: ' 法规科', workingDays: 3 },
          ],
        },
        ctx(),
      ),
    );
    expect([twice.field, twice.message]).toEqual([
      'departments.1.department',
      '法规科重复：每个科室只发起一次会签',
    ]);
    expect(refusal(() => planCosigns({ question: ' ', departments: [] }, ctx())).field).toBe('question');
    expect(refusal(() => planCosigns({ question: '问', departments: [] }, ctx())).field).toBe('departments');
    const long = refusal(() => planCosigns({ question: '问'.repeat(1001), departments: [] }, ctx()));
    expect(long.message).toBe('会签事项不能超过 1000 字（现有 1001 字）');
  });
});

const cosign: Cosign = {
  id: 7,
  applicationId: 3,
  agencyId: 1,
  department: '法规科',
  question: '请提出意见',
  openedOn: '2026-04-02',
  openedBy: 'user:4',
  dueOn: '2026-04-07',
  answer: null,
  withdrawal: null,
};

describe('answering 会签', () => {
  it('a member of the department answers in their own name; the handler records one naming who answered', () => {
    const member = { actor: 'user:9', name: '孙丽', department: '法规科', mayRecordForOthers: false };
    expect(answerCosign(cosign, { opinion: ' 不涉及商业秘密，可以公开 ' }, member, '2026-04-03')).toEqual({
      opinion: '不涉及商业秘密，可以公开',
      answeredOn: '2026-04-03',
      recordedBy: 'user:9',
      answererName: '孙丽',
      onBehalf: false,
    });
    const handler = { actor: 'user:4', name: '李强', department: null, mayRecordForOthers: true };
    expect(refusal(() => answerCosign(cosign, { opinion: '同意' }, handler, '2026-04-03')).field).toBe(
      'answererName',
    );
    expect(
      answerCosign(cosign, { opinion: '同意', answererName: '法规科 王科长' }, handler, '2026-04-03'),
    ).toMatchObject({
      answererName: '法规科 王科长',
      recordedBy: 'user:4',
      onBehalf: true,
    });
  });

  it('refuses another department’s staff, an empty opinion and a second answer', () => {
    const other = { actor: 'user:10', name: '周涛', department: '医政科', mayRecordForOthers: false };
    expect(refusal(() => answerCosign(cosign, { opinion: '同意' }, other, '2026-04-03')).code).toBe(
      'forbidden',
    );
    const member = { actor: 'user:9', name: '孙丽', department: '法规科', mayRecordForOthers: false };
    expect(refusal(() => answerCosign(cosign, { opinion: '  ' }, member, '2026-04-03')).field).toBe(
      'opinion',
    );
    const answered = { ...cosign, answer: answerCosign(cosign, { opinion: '同意' }, member, '2026-04-03') };
    expect(refusal(() => answerCosign(answered, { opinion: '再次' }, member, '2026-04-03')).code).toBe(
      'conflict',
    );
  });

  it('its status is derived from the dates: pending through the due date, overdue after, answered (late)', () => {
    expect(cosignStatus(cosign, '2026-04-07')).toBe('pending');
    expect(cosignStatus(cosign, '2026-04-08')).toBe('overdue');
    const answer = {
      opinion: '同意',
      answeredOn: '2026-04-08',
      recordedBy: 'user:9',
      answererName: '孙丽',
      onBehalf: false,
    };
    expect(cosignStatus({ ...cosign, answer }, '2026-04-09')).toBe('answered_late');
    expect(cosignStatus({ ...cosign, answer: { ...answer, answeredOn: '2026-04-07' } }, '2026-04-09')).toBe(
      'answered',
    );
  });
});

describe('撤回会签', () => {
  const withdrawn: Cosign = {
    ...cosign,
    withdrawal: {
      withdrawnAt: '2026-04-03T02:00:00.000Z',
      withdrawnBy: 'user:4',
      reason: '申请人已撤回申请',
    },
  };
  it('takes a trimmed reason, required and at most 500 characters', () => {
    expect(withdrawalReason(cosign, { reason: ' 事项已由申请人澄清 ' })).toBe('事项已由申请人澄清');
    expect(refusal(() => withdrawalReason(cosign, { reason: '  ' })).field).toBe('reason');
    expect(refusal(() => withdrawalReason(cosign, {})).message).toBe('请填写撤回理由');
    expect(refusal(() => withdrawalReason(cosign, { reason: '理'.repeat(501) })).message).toBe(
      '撤回理由不能超过 500 字（现有 501 字）',
    );
  });

  it('refuses an answered or already withdrawn 会签; a withdrawn one cannot be answered and is not open', () => {
    const member = { actor: 'user:9', name: '孙丽', department: '法规科', mayRecordForOthers: false };
    const answered = { ...cosign, answer: answerCosign(cosign, { opinion: '同意' }, member, '2026-04-03') };
    expect(refusal(() => withdrawalReason(answered, { reason: '不需要了' })).code).toBe('conflict');
    expect(refusal(() => withdrawalReason(withdrawn, { reason: '再撤一次' })).message).toBe(
      '法规科的会签已撤回，不能再次撤回',
    );
    const late = refusal(() => answerCosign(withdrawn, { opinion: '同意' }, member, '2026-04-04'));
    expect([late.code, late.message]).toEqual([
      'conflict',
      '法规科的会签已撤回（理由：申请人已撤回申请），不能再答复',
    ]);
    expect(cosignStatus(withdrawn, '2026-04-30')).toBe('withdrawn');
    expect([isOpenCosign(cosign), isOpenCosign(answered), isOpenCosign(withdrawn)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('会签 in the reminders', () => {
  const open: OpenCosign = {
    applicationId: 3,
    agencyId: 1,
    trackingCode: 'ABC123',
    department: '法规科',
    dueOn: '2026-04-07',
    assigneeId: 4,
  };
  const handler: ReminderPerson = { id: 4, roles: ['handler'], department: null };
  const member: ReminderPerson = { id: 9, roles: ['reviewer'], department: '法规科' };
  const head: ReminderPerson = { id: 2, roles: ['head'], department: null };
  const other: ReminderPerson = { id: 10, roles: ['reviewer'], department: '医政科' };

  it('an open 会签 reminds its department; overdue, the case’s handler too', () => {
    const pending = cosignRemindersFor(open, '2026-04-07');
    expect(pending.kind).toBe('cosign_pending');
    expect([handler, member, head, other].map((p) => reminderIsFor(pending, p))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    const overdue = cosignRemindersFor(open, '2026-04-08');
    expect(overdue).toMatchObject({ kind: 'cosign_overdue', label: '会签已逾期未答复', dueOn: '2026-04-07' });
    expect([handler, member, head, other].map((p) => reminderIsFor(overdue, p))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const unassigned = cosignRemindersFor({ ...open, assigneeId: null }, '2026-04-08');
    expect(reminderIsFor(unassigned, head)).toBe(true);
  });

  it('the digest lists the 会签 with its department and due date', () => {
    const digest = reminderDigest(
      {
        name: '孙丽',
        agencyName: '某区卫生健康委员会',
        today: '2026-04-08',
        consoleUrl: 'https://gk.example.org/console',
      },
      [cosignRemindersFor(open, '2026-04-08')],
    );
    expect(digest.subject).toContain('会签已逾期未答复 1 件');
    expect(digest.body).toContain(
      '  · ABC123  法规科  期限 2026-04-07  https://gk.example.org/console/applications/3',
    );
  });
});

describe('the departments setting', () => {
  it('reads names and reports blanks, repeats and long names by index', () => {
    expect(departmentsOf({ departments: [' 法规科', '医政科', '', '法规科', 3] })).toEqual([
      '法规科',
      '医政科',
    ]);
    expect(departmentsOf({})).toEqual([]);
    expect(departmentProblems(['法规科', ' ', '法规科', '科'.repeat(31)])).toEqual([
      { field: 'settings.departments.1', message: '第 2 个科室名称为空' },
      { field: 'settings.departments.2', message: '科室“法规科”重复' },
      { field: 'settings.departments.3', message: '第 4 个科室名称超过 30 字（现有 31 字）' },
    ]);
    expect(departmentProblems('法规科')).toEqual([
      { field: 'settings.departments', message: '科室应为名称列表' },
    ]);
  });
});
