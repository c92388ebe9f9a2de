import { citeAll } from '../application/citations.ts';
import { PERIODS } from '../application/deadlines.ts';
import type { FeeAssessment, FeeMethod } from '../application/fees.ts';
import { FEE_METHOD, feeBreakdown } from '../application/fees.ts';
import { yuanInWords } from './amount-in-words.ts';
import type { LetterDocument } from './document.ts';
import { applicantPronoun, applicationOpening, closingParagraphs, letterFrame } from './common.ts';
import type { LetterInput } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import { fill, locked, paragraph } from './segments.ts';

/**
 * 收费通知书 (条例 Art. 42; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): the basis, the method and its
 * statutory scale, the bands applied and the amount, how and by when to pay (20 WD from the day after
 * service), and that non-payment is deemed abandonment.
 */

/** The scales of 办法 Art. 4 and 5, in its words. */
const SCALE: Record<FeeMethod, string> = {
  per_application:
    '按件计收的收费标准为：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；' +
    '11—30件（含30件）的部分，100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。',
  per_page:
    '按量计收的收费标准为：30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；' +
    '101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页。',
};

/** What the quantity counts: the month's applications, the application's number in the month, or pages. */
function quantityText(a: FeeAssessment, you: string): string {
  if (a.method === 'per_page') return `本申请需提供的政府信息共${a.quantity}页。`;
  const single = a.bands.length === 1 && a.bands[0]!.from === a.quantity && a.quantity > 1;
  return single
    ? `本申请为${you}本自然月内提出的第${a.quantity}件政府信息公开申请。`
    : `${you}本自然月内累计提出政府信息公开申请${a.quantity}件。`;
}

export function feeLetter(input: LetterInput): LetterDocument {
  const a = input.application;
  const fee = a.fee;
  if (!fee) throw letterInputError('fee', [{ field: 'application.fee', message: '申请没有收费通知记录' }]);
  const you = applicantPronoun(input);
  const assessment = fee.assessment;
  const breakdown = feeBreakdown(assessment).map((line, i, all) =>
    paragraph(locked('fee', `${line}${i === all.length - 1 ? '。' : '；'}`)),
  );
  return letterFrame('fee', input, {
    title: LETTER_TITLE.fee,
    addressee: input.applicant.name,
    paragraphs: [
      applicationOpening(input),
      paragraph(
        locked('decision', `${you}申请公开政府信息的数量、频次明显超过合理范围。`),
        locked(
          'legal_basis',
          `根据${citeAll(['条例第四十二条', PERIODS.feePayment.article])}的规定，本机关决定收取信息处理费。`,
        ),
      ),
      paragraph(
        locked('fee', `计收方式：${FEE_METHOD[assessment.method].label}。${SCALE[assessment.method]}`),
      ),
      paragraph(locked('fee', `${quantityText(assessment, you)}计算如下：`)),
      ...breakdown,
      paragraph(
        locked(
          'fee',
          `应缴纳信息处理费合计${assessment.amount}元（大写：${yuanInWords(assessment.amount)}）。`,
        ),
      ),
      paragraph(
        locked('deadline', `请${you}自收到本通知书之次日起${PERIODS.feePayment.days}个工作日内缴纳。`),
        fill('payment_method', '信息处理费缴入国库，请按照本机关告知的政府非税收入缴款方式缴纳。'),
      ),
      paragraph(
        locked(
          'statute',
          `${you}逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。` +
            (fee.pausesClock ? `在${you}缴纳信息处理费之前，本机关的答复期限暂停计算。` : ''),
        ),
      ),
      ...closingParagraphs(input, '特此通知。'),
    ],
    warnings: [],
  });
}
