import { fullCitation } from '../application/citations.ts';
import { PERIODS } from '../application/deadlines.ts';
import type { LetterDocument } from './document.ts';
import {
  applicationOpening,
  chineseDate,
  clause,
  closingParagraphs,
  letterFrame,
  provisionalWarning,
} from './common.ts';
import type { LetterInput } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import { locked, paragraph } from './segments.ts';

/**
 * 延期答复告知书 (条例 Art. 33 ¶2): the one extension of at most 20 WD, approved by the head of the OGI office,
 * notified to the applicant with its reason and the new due date. When consultations paused the clock the
 * letter says that their time is not counted (Art. 33 ¶3).
 */
export function extensionLetter(input: LetterInput): LetterDocument {
  const a = input.application;
  const extension = a.extension;
  const due = a.deadlines.reply;
  if (!extension || !due)
    throw letterInputError('extension', [
      { field: 'application.extension', message: '申请没有延长答复期限的记录' },
    ]);
  const consulted = a.consultations.length > 0;
  const warnings = [
    ...provisionalWarning('延长后的答复期限', due),
    ...(a.deadlines.pausedSince
      ? [`征求意见尚未结束（自${chineseDate(a.deadlines.pausedSince)}起），告知书所列答复期限届时还将顺延`]
      : []),
  ];
  return letterFrame('extension', input, {
    title: LETTER_TITLE.extension,
    addressee: input.applicant.name,
    paragraphs: [
      applicationOpening(input),
      paragraph(
        locked(
          'facts',
          `因${clause(extension.reason)}，本机关不能在${PERIODS.reply.days}个工作日内作出答复。`,
        ),
        locked(
          'legal_basis',
          `根据${fullCitation(PERIODS.extensionMax.article)}的规定，经本机关政府信息公开工作机构负责人同意，` +
            `答复期限延长${extension.days}个工作日。`,
        ),
        locked('deadline', `延长后的答复期限截至${chineseDate(due.date)}。`),
        locked(
          'statute',
          consulted
            ? `根据${fullCitation('条例第三十三条第三款')}的规定，本机关征求第三方和其他机关意见所需时间不计算在答复期限内。`
            : '',
        ),
      ),
      ...closingParagraphs(input, '特此告知。'),
    ],
    warnings,
  });
}
