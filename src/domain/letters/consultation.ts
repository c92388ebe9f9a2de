import type { Consultation } from '../application/application.ts';
import { fullCitation } from '../application/citations.ts';
import { CONSULTATION, PERIODS } from '../application/deadlines.ts';
import type { ConsultationKind } from '../application/deadlines.ts';
import type { LetterDocument } from './document.ts';
import { chineseDate, closingParagraphs, letterFrame, requestedItemsText } from './common.ts';
import type { LetterInput } from './input.ts';
import { letterInputError } from './input.ts';
import { LETTER_TITLE } from './kinds.ts';
import type { Paragraph } from './segments.ts';
import { fill, locked, paragraph } from './segments.ts';

/**
 * 征求意见函 to the party consulted: a third party whose rights disclosure may harm (条例 Art. 32 — 15 WD to
 * answer; silence leaves the decision to the agency; a reasonable objection means no disclosure, unless the
 * public interest outweighs it, with written notice), or an agency that produced the information jointly
 * (Art. 34 — 15 WD; silence is consent). The applicant is not named to the party consulted.
 */
const days = PERIODS.consultation.days;

const VARIANT: Record<
  ConsultationKind,
  { title: string; you: string; concerned: string; statute: (you: string) => Paragraph[] }
> = {
  third_party: {
    title: LETTER_TITLE.consultation_third_party,
    you: '你方',
    concerned: '经审查，上述政府信息涉及你方，公开可能损害你方的合法权益。',
    statute: (you) => [
      paragraph(
        locked(
          'legal_basis',
          `根据${fullCitation(CONSULTATION.third_party.article)}的规定，现书面征求${you}意见。` +
            `请${you}自收到本函之日起${days}个工作日内提出意见；不同意公开的，请说明理由。`,
        ),
      ),
      paragraph(
        locked(
          'statute',
          `${you}逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。` +
            `${you}不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，` +
            `可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${you}。`,
        ),
      ),
    ],
  },
  other_agency: {
    title: LETTER_TITLE.consultation_other_agency,
    you: '你单位',
    concerned: '经查，上述政府信息由本机关与你单位共同制作。',
    statute: (you) => [
      paragraph(
        locked(
          'legal_basis',
          `根据${fullCitation(CONSULTATION.other_agency.article)}的规定，现征求${you}意见。` +
            `请${you}自收到本函之日起${days}个工作日内提出意见，逾期未提出意见的视为同意公开。`,
        ),
      ),
    ],
  },
};

function consultationOf(input: LetterInput): Consultation {
  const all = input.application.consultations;
  const index = input.consultation ?? all.length - 1;
  const consultation = all[index];
  if (!consultation)
    throw letterInputError('consultation', [
      {
        field: 'consultation',
        message: all.length === 0 ? '申请没有征求意见记录' : `没有第 ${index + 1} 次征求意见`,
      },
    ]);
  return consultation;
}

export function consultationLetter(input: LetterInput): LetterDocument {
  const a = input.application;
  const consultation = consultationOf(input);
  const variant = VARIANT[consultation.kind];
  return letterFrame('consultation', input, {
    title: variant.title,
    addressee: consultation.party,
    paragraphs: [
      paragraph(
        locked(
          'facts',
          `本机关于${chineseDate(a.receivedOn)}收到一份政府信息公开申请，申请获取${requestedItemsText(a.items)}。`,
        ),
        fill('information_concerned', variant.concerned),
      ),
      ...variant.statute(variant.you),
      paragraph(fill('reply_method', `请${variant.you}将书面意见送交或者寄送本机关，并注明本函文号。`)),
      ...closingParagraphs(input, '特此函询。'),
    ],
    deliverTo: null,
    warnings: [],
  });
}
