import type { DecisionRecord } from '../application/application.ts';
import { citeAll } from '../application/citations.ts';
import type { Outcome } from '../application/decisions.ts';
import { legalBasis, OUTCOME_RULES, outcomeLabel, REPLY_TYPE } from '../application/decisions.ts';
import type { LetterDocument } from './document.ts';
import {
  applicantPronoun,
  applicationOpening,
  chineseDate,
  closingParagraphs,
  letterFrame,
} from './common.ts';
import type { LetterInput, LetterProblem } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import type { DecisionContext } from './reply-decision.ts';
import { DECISION_WORDING } from './reply-decision.ts';
import { remediesParagraph } from './remedies-paragraph.ts';

/**
 * 政府信息公开申请答复告知书: one for every outcome of table 三 (条例 Art. 36–39; the （六） outcomes are
 * 告知 letters too). The opening states the application; the decision paragraphs cite the outcome's articles
 * (OUTCOME_RULES, legalBasis); the remedies follow the 行政复议法 (2023); contact and closing are editable.
 */

/** The outcome the letter answers: the closed application's, else the drafted decision's (a preview). */
function replyOutcome(input: LetterInput): { outcome: Outcome; decision: DecisionRecord | null } {
  const a = input.application;
  const outcome = a.outcome ?? a.decision?.outcome ?? null;
  if (outcome === null)
    throw letterInputError('reply', [{ field: 'application.outcome', message: '申请尚无办理结果' }]);
  const decision = a.decision?.outcome === outcome ? a.decision : null;
  return { outcome, decision };
}

function check(input: LetterInput, outcome: Outcome, decision: DecisionRecord | null): LetterProblem[] {
  const a = input.application;
  const rule = OUTCOME_RULES[outcome];
  const label = outcomeLabel(outcome);
  const problems: LetterProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (rule.reachedBy === 'decision' && decision === null && outcome !== 'other_other')
    problem('application.decision', `“${label}”须有审核的答复决定`);
  if (
    decision &&
    rule.replyTypes.length > 0 &&
    (!decision.replyType || !rule.replyTypes.includes(decision.replyType))
  )
    problem(
      'application.decision.replyType',
      `“${label}”的答复类型应为${rule.replyTypes.map((t) => REPLY_TYPE[t].article).join('或')}之一`,
    );
  if (decision && rule.exemptionRequired && !decision.exemption?.trim())
    problem('application.decision.exemption', `“${label}”须写明不予公开的情形及依据`);
  if (outcome === 'other_no_correction' && !(a.correction && a.deadlines.correctionResponse))
    problem('application.correction', '逾期不补正的告知须有补正告知记录');
  if (outcome === 'other_no_fee' && !(a.fee && a.deadlines.feePayment))
    problem('application.fee', '逾期未缴费的告知须有收费通知及其送达记录');
  if (outcome === 'not_handled_massive' && !a.reasonsRequest)
    problem('application.reasonsRequest', '“无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条）');
  if (outcome === 'other_other' && decision === null && !a.closedOn)
    problem('application.closedOn', '撤回申请的告知须有办结日期');
  return problems;
}

export function replyLetter(input: LetterInput): LetterDocument {
  const a = input.application;
  const { outcome, decision } = replyOutcome(input);
  const problems = check(input, outcome, decision);
  if (problems.length > 0) throw letterInputError('reply', problems);
  const replyType = decision?.replyType ?? null;
  const when = (d: string | null | undefined) => (d ? chineseDate(d) : undefined);
  const context: DecisionContext = {
    application: a,
    decision,
    replyType,
    you: applicantPronoun(input),
    cite: citeAll(legalBasis({ outcome, replyType })),
    provision: input.provision ?? {},
    dates: {
      correctionRequested: when(a.correction?.requestedOn),
      correctionReceived: when(a.correction?.receivedOn),
      correctionDue: when(a.deadlines.correctionResponse?.date),
      feeServed: when(a.fee?.servedOn),
      feeDue: when(a.deadlines.feePayment?.date),
      reasonsRequested: when(a.reasonsRequest?.requestedOn),
      reasonsReceived: when(a.reasonsRequest?.receivedOn),
      closed: when(a.closedOn),
    },
  };
  const decisionParagraphs = DECISION_WORDING[outcome](context);
  const opening = applicationOpening(input, outcome !== 'unable_still_unclear');
  return letterFrame('reply', input, {
    title: LETTER_TITLE.reply,
    addressee: input.applicant.name,
    paragraphs: [
      opening,
      ...decisionParagraphs,
      remediesParagraph(input.agency, outcome, a.letters?.filter((l) => l.kind === 'reply').at(-1)),
      ...closingParagraphs(input, '特此告知。'),
    ],
    attachments: input.provision?.attachments ?? [],
    warnings: [],
  });
}
