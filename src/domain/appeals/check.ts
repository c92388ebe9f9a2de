import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import type { AppealKind, DecidedResult } from './appeal-case.ts';
import { APPEAL_BODY_LABEL, isAppealKind, isDecidedResult } from './appeal-case.ts';

/** What staff enter for a case (a new one, or the whole record when it changes). */
export interface AppealInput {
  applicationId: number | null;
  kind: AppealKind;
  body: string;
  caseNumber: string;
  filedOn: LocalDate;
  decidedOn: LocalDate | null;
  result: DecidedResult | null;
  note: string | null;
}

export interface AppealProblem {
  field: string;
  message: string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** Every problem with a case record, each naming its field; empty when it can be saved. */
export function checkAppealInput(input: AppealInput, today: LocalDate): AppealProblem[] {
  const problems: AppealProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isAppealKind(input.kind))
    problem('kind', '案件类型应为行政复议、行政诉讼（未经复议直接起诉）或行政诉讼（复议后起诉）');
  const bodyLabel = isAppealKind(input.kind) ? APPEAL_BODY_LABEL[input.kind] : '复议机关或法院';
  if (blank(input.body)) problem('body', `须填写${bodyLabel}`);
  else if (input.body.trim().length > 100) problem('body', `${bodyLabel}名称最多 100 个字`);
  if (blank(input.caseNumber)) problem('caseNumber', '须填写案号');
  else if (input.caseNumber.trim().length > 60) problem('caseNumber', '案号最多 60 个字');
  if (!isLocalDate(input.filedOn)) problem('filedOn', '受理（立案）日期无效，应为 YYYY-MM-DD');
  else if (input.filedOn > today) problem('filedOn', '受理（立案）日期不能晚于今天');
  if (input.decidedOn !== null && !isLocalDate(input.decidedOn))
    problem('decidedOn', '审结日期无效，应为 YYYY-MM-DD');
  else if (input.decidedOn !== null) {
    if (input.decidedOn > today) problem('decidedOn', '审结日期不能晚于今天');
    else if (isLocalDate(input.filedOn) && input.decidedOn < input.filedOn)
      problem('decidedOn', `审结日期不能早于受理（立案）日期（${input.filedOn}）`);
  }
  if (input.result !== null && !isDecidedResult(input.result))
    problem('result', '审理结果应为结果维持、结果纠正或其他结果；尚未审结的不填');
  if ((input.decidedOn === null) !== (input.result === null))
    problem(
      input.result === null ? 'result' : 'decidedOn',
      '审结日期和审理结果应同时填写（已审结）或同时为空（尚未审结）',
    );
  if (input.note !== null && typeof input.note === 'string' && input.note.length > 2000)
    problem('note', '备注最多 2000 个字');
  if (
    input.applicationId !== null &&
    !(
      typeof input.applicationId === 'number' &&
      Number.isInteger(input.applicationId) &&
      input.applicationId > 0
    )
  )
    problem('applicationId', '关联的申请编号无效');
  return problems;
}
