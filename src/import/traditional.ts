import * as OpenCC from 'opencc-js/t2cn';
import type { Finding } from '../domain/report/index.ts';

/**
 * Traditional → Simplified Chinese. Reports from Hong Kong, Macao or Taiwan style sources, or pages served in
 * Traditional characters, print the statutory labels in Traditional (主動公開, 申請, 資訊). OpenCC converts them
 * (with Taiwan phrases: 資訊 → 信息); it is only run when the text holds Traditional characters, since most
 * reports are Simplified and conversion is comparatively slow.
 */

/** Traditional-only characters common in annual reports: enough of them marks a Traditional document. */
const TRADITIONAL_MARKERS = new RegExp(
  `[${'開資訊數請處條務機關與總計規達會於這個們報單審結復議訟實際確認獲護權證國門書類無產費場點經濟區縣衛華東億萬項當應時變體發據稱從問題導層網絡電動態歷況標準參礎織組範圍頒佈辦屬領監責檢測醫療統錄檔繼續轉輪較'}]`,
  'g',
);

let converter: ((text: string) => string) | null = null;
function convert(text: string): string {
  const run = (converter ??= OpenCC.Converter({ from: 'twp', to: 'cn' }));
  return run(text);
}

/** How many characters of the text are Traditional-only markers (a cheap test before converting). */
export function traditionalMarkers(text: string): number {
  return text.match(TRADITIONAL_MARKERS)?.length ?? 0;
}

export interface Simplified {
  convert: (text: string) => string;
  finding: Finding | null;
}

/**
 * Decide from the whole document whether it is written in Traditional characters; returns the conversion to
 * apply to each piece of text (identity when it is not) and a finding saying what was converted.
 */
export function simplifier(wholeText: string): Simplified {
  if (traditionalMarkers(wholeText) < 3) return { convert: (t) => t, finding: null };
  let converted: string;
  try {
    converted = convert(wholeText);
  } catch {
    return { convert: (t) => t, finding: null };
  }
  const examples = new Set<string>();
  let changed = 0;
  const a = [...wholeText];
  const b = [...converted];
  if (a.length === b.length)
    for (let i = 0; i < a.length; i++)
      if (a[i] !== b[i]) {
        changed++;
        if (examples.size < 8) examples.add(`${a[i]}→${b[i]}`);
      }
  if (changed === 0 && converted === wholeText) return { convert: (t) => t, finding: null };
  return {
    convert: (t) => {
      try {
        return convert(t);
      } catch {
        return t;
      }
    },
    finding: {
      code: 'import.traditional',
      severity: 'warning',
      location: { table: 'meta' },
      actual: changed,
      message: `文档使用繁体字，已转换为简体字后读取（${changed > 0 ? `${changed} 个字，如 ${[...examples].join('、')}` : '含词语转换'}）。`,
    },
  };
}
