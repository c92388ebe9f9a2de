import type { LetterKind } from './kinds.ts';
import { LETTER_KIND_LABEL } from './kinds.ts';

/**
 * 发文字号 (文号) of the letters, GB/T 9704-2012 §7.2.4: 机关代字、年份、发文顺序号 — the year in 六角括号〔〕, the
 * number without leading zeros or 第, e.g. 某卫依申〔2026〕12号. Each kind of letter has its own series (代字) from the
 * agency's template, and each series its own sequence per year: 某卫依申〔2026〕12号 is a reply,
 * 某卫依申补〔2026〕3号 a 补正告知书. One register per agency holds every number given (letter_numbers), so no two
 * letters of an agency ever carry the same 文号.
 */

/** What is added to the agency's prefix for each kind when its template names no series of its own. */
export const SERIES_SUFFIX: Record<LetterKind, string> = {
  reply: '',
  correction: '补',
  extension: '延',
  consultation: '征',
  fee: '费',
  reasons: '说',
  reasonable_deadline: '期',
};

/** The longest 机关代字 a series may have. */
export const MAX_SERIES_LENGTH = 20;

/**
 * The series (机关代字) of a kind: the agency's own for that kind (settings.letterNumberSeries[kind]) when set,
 * otherwise its prefix (settings.letterNumberPrefix, e.g. 某卫依申) followed by the kind's suffix.
 */
export function letterSeries(
  kind: LetterKind,
  prefix: string,
  own: Partial<Record<LetterKind, string>> = {},
): string {
  const set = own[kind]?.trim();
  return set ? set : `${prefix}${SERIES_SUFFIX[kind]}`;
}

/** 某卫依申补〔2026〕3号 */
export function formatLetterNumber(series: string, year: number, seq: number): string {
  return `${series}〔${year}〕${seq}号`;
}

/** The parts of a 文号 written by formatLetterNumber, or null for anything else. */
export function parseLetterNumber(number: string): { series: string; year: number; seq: number } | null {
  const m = /^(.+)〔(\d{4})〕([1-9]\d*)号$/u.exec(number);
  return m ? { series: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

/**
 * Problems with an agency's series settings: blank or overlong names, characters that would break the 文号, and
 * two kinds sharing one series (their numbers would then run in one sequence and could not be told apart).
 */
export function seriesProblems(
  prefix: string,
  own: Partial<Record<LetterKind, string>>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Map<string, LetterKind>();
  for (const kind of Object.keys(SERIES_SUFFIX) as LetterKind[]) {
    const series = letterSeries(kind, prefix, own);
    const field = own[kind]?.trim() ? `letterNumberSeries.${kind}` : 'letterNumberPrefix';
    if (series.length > MAX_SERIES_LENGTH)
      problems.push({ field, message: `文号机关代字“${series}”不能超过 ${MAX_SERIES_LENGTH} 字` });
    if (/[〔〕\s]/u.test(series))
      problems.push({ field, message: `文号机关代字“${series}”不能含六角括号或空白` });
    const before = seen.get(series);
    if (before)
      problems.push({
        field: `letterNumberSeries.${kind}`,
        message: `文号机关代字“${series}”已用于${LETTER_KIND_LABEL[before]}，每种文书应有自己的代字`,
      });
    seen.set(series, kind);
  }
  return problems;
}
