import { fullCitation } from '../application/citations.ts';
import type { Outcome } from '../application/decisions.ts';
import type { ReconsiderationBody } from '../application/remedies.ts';
import { reconsiderationBody, remedies } from '../application/remedies.ts';
import type { LetterAgency } from './input.ts';
import type { Paragraph } from './segments.ts';
import { locked, paragraph } from './segments.ts';

/**
 * The remedies paragraph of a reply letter (STATUTE.md §4): which body hears a reconsideration and under which
 * article of the 行政复议法 (2023) — the 本级人民政府 for a department, the 上一级主管部门 only for a vertically-led
 * body — followed by the sentences of remedies.ts: 复议前置 after 不予公开, otherwise 60 days or 6 months.
 */
const BODY_SENTENCE: Record<ReconsiderationBody, (name: string) => string> = {
  same_level_government: (name) => `本机关的行政复议机关为本级人民政府，即${name}。`,
  higher_government: (name) => `本机关的行政复议机关为上一级地方人民政府，即${name}。`,
  self: () => '对本机关作出的行政行为不服的，向本机关申请行政复议。',
  higher_department: (name) => `本机关属于实行垂直领导的行政机关，行政复议机关为上一级主管部门，即${name}。`,
};

/**
 * `sent`: the reply letter as recorded when it was issued — whether it told the applicant to seek
 * reconsideration first is fixed then (the agency's setting for （四）2 may change later).
 */
export function remediesParagraph(
  agency: LetterAgency,
  outcome: Outcome,
  sent?: { reconsiderationFirst?: boolean },
): Paragraph {
  const provincial = agency.provincial ?? false;
  const { body, article } = reconsiderationBody(agency.kind, provincial);
  const result = remedies({
    agencyKind: agency.kind,
    provincial,
    bodyName: agency.reconsiderationBodyName,
    outcome,
    needsCreationReconsiderationFirst:
      sent?.reconsiderationFirst ?? agency.needsCreationReconsiderationFirst ?? true,
  });
  const basis = `根据${fullCitation(article)}的规定，${BODY_SENTENCE[body](result.bodyName)}`;
  return paragraph(locked('remedies', basis + result.sentences.join('')));
}
