import { fullCitation } from '../application/citations.ts';
import { PERIODS } from '../application/deadlines.ts';
import type { LetterDocument } from './document.ts';
import { numberedPoint } from './document.ts';
import { applicantPronoun, applicationOpening, clause, closingParagraphs, letterFrame } from './common.ts';
import type { LetterInput } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import { fill, locked, paragraph } from './segments.ts';

/**
 * 补正告知书 (条例 Art. 30): sent within 7 WD of receipt, once, listing every point to correct, with a
 * reasonable period; the reply period restarts from receipt of the corrected application; no correction in time
 * without good reason is deemed abandonment.
 */
export function correctionLetter(input: LetterInput): LetterDocument {
  const a = input.application;
  const correction = a.correction;
  if (!correction || correction.points.length === 0)
    throw letterInputError('correction', [
      { field: 'application.correction', message: '申请没有补正告知记录' },
    ]);
  const you = applicantPronoun(input);
  const art30 = fullCitation(PERIODS.correctionNotice.article);
  const points = correction.points.map((point, i, all) =>
    paragraph(locked('points', `${numberedPoint(i, clause(point))}${i === all.length - 1 ? '。' : '；'}`)),
  );
  return letterFrame('correction', input, {
    title: LETTER_TITLE.correction,
    addressee: input.applicant.name,
    paragraphs: [
      applicationOpening(input, false),
      paragraph(
        locked('decision', `经审查，${you}的申请内容不明确。`),
        locked('legal_basis', `根据${art30}的规定，现一次性告知${you}需要补正的事项如下：`),
      ),
      ...points,
      paragraph(fill('guidance', '请写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。')),
      paragraph(
        locked(
          'deadline',
          `补正期限为${correction.periodDays}个工作日，自${you}收到本告知书之次日起计算。请${you}在补正期限内向本机关提交补正后的申请。`,
        ),
        fill('how_to_submit', `${you}可以通过提交原申请的渠道提交补正后的申请。`),
      ),
      paragraph(
        locked(
          'statute',
          (correction.lateReason ? '' : `答复期限自本机关收到${you}补正的申请之日起计算。`) +
            `${you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ),
      ),
      ...closingParagraphs(input, '特此告知。'),
    ],
    warnings: correction.lateReason
      ? [`本告知书晚于收到申请之日起7个工作日（条例第三十条），答复期限不重新计算`]
      : [],
  });
}
