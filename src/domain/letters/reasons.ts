import { fullCitation } from '../application/citations.ts';
import { PERIODS } from '../application/deadlines.ts';
import type { LetterDocument } from './document.ts';
import {
  applicantPronoun,
  applicationOpening,
  chineseDate,
  clause,
  closingParagraphs,
  letterFrame,
} from './common.ts';
import type { LetterInput } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import { fill, locked, paragraph } from './segments.ts';

/**
 * 条例第三十五条: the number or frequency of requests clearly exceeds a reasonable range — the agency may ask the
 * applicant to state reasons (说明理由通知书); reasons found unreasonable → 不予处理; reasonable but the reply cannot
 * be given in time → a reasonable later date, notified (答复期限告知书).
 */
const ART35 = () => fullCitation(PERIODS.reasons.article);

export function reasonsLetter(input: LetterInput): LetterDocument {
  const r = input.application.reasonsRequest;
  if (!r)
    throw letterInputError('reasons', [
      { field: 'application.reasonsRequest', message: '申请没有要求说明理由的记录' },
    ]);
  const you = applicantPronoun(input);
  return letterFrame('reasons', input, {
    title: LETTER_TITLE.reasons,
    addressee: input.applicant.name,
    paragraphs: [
      applicationOpening(input),
      paragraph(
        locked('decision', `经审查，${you}申请公开政府信息的数量、频次明显超过合理范围。`),
        locked('legal_basis', `根据${ART35()}的规定，请${you}说明理由：`),
      ),
      paragraph(locked('points', `${clause(r.points)}。`)),
      paragraph(
        locked('deadline', `请${you}自收到本通知书之次日起${r.periodDays}个工作日内向本机关说明理由。`),
        fill('how_to_submit', `${you}可以通过提交原申请的渠道提交书面说明。`),
      ),
      paragraph(
        locked(
          'statute',
          `本机关认为申请理由不合理的，将告知${you}不予处理；认为申请理由合理，但是无法在${fullCitation(PERIODS.reply.article)}规定的期限内答复的，可以确定延迟答复的合理期限并告知${you}。`,
        ),
      ),
      ...closingParagraphs(input, '特此通知。'),
    ],
    warnings: [],
  });
}

export function reasonableDeadlineLetter(input: LetterInput): LetterDocument {
  const r = input.application.reasonsRequest;
  if (!r?.later || !r.receivedOn)
    throw letterInputError('reasonable_deadline', [
      { field: 'application.reasonsRequest', message: '申请没有收到理由并确定答复期限的记录' },
    ]);
  const you = applicantPronoun(input);
  return letterFrame('reasonable_deadline', input, {
    title: LETTER_TITLE.reasonable_deadline,
    addressee: input.applicant.name,
    paragraphs: [
      applicationOpening(input),
      paragraph(
        locked(
          'facts',
          `本机关已于${chineseDate(r.requestedOn)}要求${you}说明理由，${you}于${chineseDate(r.receivedOn)}说明了理由。`,
        ),
        locked(
          'decision',
          `经审查，本机关认为申请理由合理，但因${clause(r.later.reason)}，无法在${fullCitation(PERIODS.reply.article)}规定的期限内答复。`,
        ),
        locked(
          'legal_basis',
          `根据${ART35()}的规定，本机关确定的答复期限截至${chineseDate(r.later.dueOn)}。`,
        ),
      ),
      ...closingParagraphs(input, '特此告知。'),
    ],
    warnings: [],
  });
}
