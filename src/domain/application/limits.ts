/**
 * The longest text each field of an application holds, in characters — shown beside the field, enforced by the
 * server with a message naming the field; nothing typed is ever cut to fit (a longer text is refused and kept).
 */
export const FIELD_LIMITS = {
  'applicant.name': 100,
  'applicant.contactPerson': 50,
  'applicant.idNumber': 40,
  'applicant.phone': 30,
  'applicant.email': 100,
  'applicant.address': 200,
  'applicant.postcode': 10,
  description: 10_000,
  documentNumber: 100,
} as const;

/** Characters as a person counts them (a CJK character or an emoji is one). */
export const charCount = (text: string): number => [...text].length;

/** '不能超过 10000 字（现有 12000 字）' when too long, else null. */
export function overLimit(text: string, limit: number): string | null {
  const n = charCount(text);
  return n > limit ? `不能超过 ${limit} 字（现有 ${n} 字，请删减 ${n - limit} 字）` : null;
}
