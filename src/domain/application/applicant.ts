import type { ApplicantColumn } from '../report/table3.ts';
import { APPLICANT_COLUMN_LABEL, APPLICANT_PARTS, ORGANISATION_HEADER } from '../report/table3.ts';

/**
 * Who applied (条例 Art. 27, 29): a natural person (自然人), or a legal person or other organisation (法人或其他组织)
 * of one of the five kinds table 三 counts. The applicant type *is* the table 三 column the application is counted
 * in: the keys are the report's `ApplicantColumn` keys without 总计.
 */
export type ApplicantType = Exclude<ApplicantColumn, 'total'>;
export const APPLICANT_TYPES: readonly ApplicantType[] = APPLICANT_PARTS;

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && (APPLICANT_TYPES as readonly string[]).includes(value);
}

/** '自然人' or '法人或其他组织（商业企业）' — derived from the table 三 column labels. */
export function applicantTypeLabel(type: ApplicantType): string {
  return type === 'natural'
    ? APPLICANT_COLUMN_LABEL.natural
    : `${ORGANISATION_HEADER}（${APPLICANT_COLUMN_LABEL[type]}）`;
}
