import type { AnnualReport, Finding, Narrative } from '../domain/report/index.ts';
import { emptyReport, formatForYear } from '../domain/report/index.ts';
import { detectFormat } from './detect-format.ts';
import { matchLabel } from './labels.ts';
import { labelKey } from './normalise.ts';
import type { SectionNumber } from './sections.ts';
import { findSections, findTitle, periodYear, sectionTitle, splitRunInHeadings } from './sections.ts';
import { isBlockHeading, parseTable2 } from './table2.ts';
import { parseTable3 } from './table3.ts';
import { parseTable4 } from './table4.ts';
import { simplifier, traditionalMarkers } from './traditional.ts';
import type { DocRow, InputKind, ParseOptions, ParseResult } from './types.ts';

/**
 * From document rows (whatever the input) to the report: Traditional characters converted, sections and
 * title located, the layout (2019 / 2021) read from the tables, tables 二, 三 and 四 parsed in their regions,
 * and the narrative collected. Never throws on content; returns every finding.
 */

const SEP = '\u0001';

function simplify(rows: DocRow[]): Finding | null {
  const texts = rows.flatMap((r) => r.cells.map((c) => c.text));
  // a document in Traditional characters shows it from its first pages on
  let sample = '';
  for (const t of texts) {
    if (sample.length > 6000) break;
    sample += t;
  }
  if (traditionalMarkers(sample) < 3) return null;
  const whole = texts.join(SEP);
  const s = simplifier(whole);
  if (!s.finding) return null;
  const converted = s.convert(whole).split(SEP);
  if (converted.length !== texts.length) return null;
  let i = 0;
  for (const row of rows) for (const cell of row.cells) cell.text = converted[i++]!;
  return s.finding;
}

const TABLE4_WORDS = ['行政复议', '结果维持', '未经复议直接起诉', '复议后起诉', '尚未审结'];

function firstIndex(
  rows: readonly DocRow[],
  from: number,
  to: number,
  test: (row: DocRow) => boolean,
): number | null {
  for (let i = Math.max(0, from); i < Math.min(to, rows.length); i++) if (test(rows[i]!)) return i;
  return null;
}

export function parseRows(printed: DocRow[], input: InputKind, options: ParseOptions = {}): ParseResult {
  const findings: Finding[] = [];
  const traditional = simplify(printed);
  const rows = splitRunInHeadings(printed);
  if (traditional) findings.push(traditional);

  const { heading } = findSections(rows);
  const next = (after: number) => {
    const later = (Object.values(heading) as number[]).filter((i) => i > after);
    return later.length > 0 ? Math.min(...later) : rows.length;
  };

  // the layout, from what the tables print
  const evidence = detectFormat(rows);
  const firstTable = firstIndex(rows, 0, rows.length, (r) => !r.prose);
  const title = findTitle(rows, heading[1] ?? firstTable ?? rows.length);
  const period = periodYear(rows, heading[1] ?? firstTable ?? rows.length);
  const year = options.year ?? title.year ?? period?.year ?? null;
  if (title.year !== null && period && period.year !== title.year)
    findings.push({
      code: 'import.meta.period_conflict',
      severity: 'warning',
      location: { table: 'meta', column: 'year' },
      expected: title.year,
      actual: period.year,
      message: `报告标题写的是 ${title.year} 年度，但正文的统计期限是 ${period.year} 年，已按标题的 ${title.year} 年度读取，请核对。`,
    });
  // the format: the tables' labels say how they are laid out; the year says which format the law requires
  // (the validator reports a report laid out in the other one); with neither, nothing decides it
  const format = evidence.format ?? (year !== null ? formatForYear(year) : '2021');
  if (evidence.score['2019'] > 0 && evidence.score['2021'] > 0)
    findings.push({
      code: 'import.format.mixed_labels',
      severity: 'warning',
      location: { table: 'format' },
      actual: format,
      message: `表格中既有 2019 年版格式的栏目（${evidence.found['2019'].join('、')}），也有 2021 年版格式的栏目（${evidence.found['2021'].join('、')}），${evidence.format === null ? '无法据此判断' : `多数属于 ${evidence.format} 年版，已按 ${evidence.format} 年版读取`}，请核对。`,
    });
  if (evidence.format === null)
    findings.push({
      code: 'import.format.undetermined',
      severity: year !== null ? 'warning' : 'error',
      location: { table: 'format' },
      actual: format,
      message:
        year !== null
          ? `表格中没有能区分 2019 年版与 2021 年版格式的栏目，已按报告年度 ${year} 年对应的 ${format} 年版格式读取（${year <= 2020 ? '2019、2020 年度适用 2019 年版' : '2021 年度起适用 2021 年版'}）。`
          : '表格中没有能区分 2019 年版与 2021 年版格式的栏目，也没有读到报告年度，无法确定格式；已暂按 2021 年版读取，请指定年度或核对格式。',
    });
  const report: AnnualReport = emptyReport(format);
  report.agency = options.agency?.trim() || title.agency;
  report.year = year;
  if (options.year !== undefined && title.year !== null && title.year !== options.year)
    findings.push({
      code: 'import.meta.year_conflict',
      severity: 'warning',
      location: { table: 'meta', column: 'year' },
      expected: options.year,
      actual: title.year,
      message: `报告标题写的是 ${title.year} 年度，已按指定的 ${options.year} 年度读取。`,
    });
  if (options.agency && title.agency && title.agency !== options.agency.trim())
    findings.push({
      code: 'import.meta.agency_conflict',
      severity: 'warning',
      location: { table: 'meta', column: 'agency' },
      expected: options.agency,
      actual: title.agency,
      message: `报告标题中的机关名称是“${title.agency}”，已按指定的“${options.agency}”读取。`,
    });
  if (title.row === null && !options.year && !options.agency)
    findings.push({
      code: 'import.title.missing',
      severity: 'warning',
      location: { table: 'meta' },
      message: '未找到报告标题（“××××年政府信息公开工作年度报告”），无法读取机关名称和年度。',
    });

  // the regions of the three tables
  const isTable3 = (r: DocRow) =>
    !r.prose && r.cells.some((c) => (matchLabel(c.text, format, true)?.score ?? 0) >= 2);
  const isTable4 = (r: DocRow) =>
    !r.prose && r.cells.some((c) => TABLE4_WORDS.some((w) => labelKey(c.text).includes(w)));
  const start2 = heading[2] ?? 0;
  const start3 = heading[3] ?? firstIndex(rows, start2 + 1, rows.length, isTable3);
  const start4 = heading[4] ?? firstIndex(rows, (start3 ?? start2) + 1, rows.length, isTable4);
  const end = heading[5] ?? heading[6] ?? rows.length;
  const end2 = start3 ?? start4 ?? end;
  const end3 = start4 ?? end;

  // a document that stops inside a table (no 五 or 六 after it): where it stops, and what is lost
  const stop = truncation(rows, heading);
  if (stop !== null) {
    const inTable = start4 !== null && stop >= start4 ? 4 : start3 !== null && stop >= start3 ? 3 : 2;
    const row = rows[stop]!;
    const line = row.source.line ?? row.cells[0]?.source.line;
    const printed = row.cells
      .map((c) => c.text.trim())
      .filter((t) => t !== '')
      .join(' ');
    const lost = [
      ...(inTable <= 2 ? ['表二其后各行'] : []),
      ...(inTable === 3 ? ['表三其后各行'] : inTable < 3 ? ['表三'] : []),
      ...(inTable === 4 ? ['表四其后的单元格'] : ['表四']),
      '第五、六部分',
    ];
    findings.push({
      code: 'import.truncated',
      severity: 'error',
      location: { table: inTable === 2 ? 'active' : inTable === 3 ? 'requests' : 'appeals' },
      actual: printed.slice(0, 60),
      message: `文档在${line !== undefined ? `第 ${line} 行` : '表格中'}（“${printed.length > 40 ? `${printed.slice(0, 40)}…` : printed}”）处中断，其后没有内容：已读取此前印出的每一行，${lost.join('、')}按缺失处理（不按 0 计算）。请取得完整的报告。`,
    });
  }
  const cutIn = (n: number) =>
    stop !== null &&
    (n === 4
      ? start4 !== null && stop >= start4
      : n === 3
        ? start3 !== null && stop >= start3 && (start4 === null || stop < start4)
        : false);

  findings.push(...parseTable2(rows.slice(start2, end2), report).findings);
  if (start3 !== null)
    findings.push(...parseTable3(rows.slice(start3, end3), report, { truncated: cutIn(3) }).findings);
  else findings.push(...parseTable3([], report).findings);
  if (start4 !== null) findings.push(...parseTable4(rows.slice(start4, end), report).findings);
  else findings.push(...parseTable4([], report).findings);

  // narrative
  const text = (from: number, to: number, proseOnly: boolean) =>
    rows
      .slice(from, to)
      .filter((r) => !proseOnly || (r.prose && !isBlockHeading(r.cells[0]?.text ?? '')))
      .map((r) =>
        r.cells
          .map((c) => c.text.trim())
          .filter((t) => t !== '')
          .join(' '),
      )
      .filter((t) => t !== '')
      .join('\n');
  const body = (n: SectionNumber) =>
    heading[n] !== undefined ? text(heading[n] + 1, next(heading[n]), false) : '';
  const narrative: Narrative = { overview: body(1), problems: body(5), other: body(6) };
  const around = (from: number | null | undefined, to: number) =>
    from !== null && from !== undefined ? text(from + (rows[from]?.prose ? 1 : 0), to, true) : '';
  const active = heading[2] !== undefined ? around(heading[2], end2) : '';
  const requests = heading[3] !== undefined ? around(heading[3], end3) : '';
  const appeals = heading[4] !== undefined ? around(heading[4], end) : '';
  if (active) narrative.active = active;
  if (requests) narrative.requests = requests;
  if (appeals) narrative.appeals = appeals;
  report.narrative = narrative;

  for (const n of [1, 2, 3, 4, 5, 6] as const)
    if (heading[n] === undefined)
      findings.push({
        code: 'import.section.missing',
        severity: 'warning',
        location: { table: 'narrative', row: SECTION_KEY[n] },
        expected: sectionTitle(n),
        message: `未找到第${'一二三四五六'[n - 1]}部分“${sectionTitle(n)}”的标题${n >= 2 && n <= 4 ? '，表格已按内容查找' : '，该部分正文留空'}。`,
      });
  return { report, findings, input };
}

/**
 * The row where a truncated document stops: the last row is a table row and neither section 五 nor 六
 * follows (a complete report ends in its narrative). Null for a complete document.
 */
function truncation(rows: readonly DocRow[], heading: Partial<Record<SectionNumber, number>>): number | null {
  if (heading[5] !== undefined || heading[6] !== undefined) return null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    return row.prose ? null : i;
  }
  return null;
}

const SECTION_KEY: Record<SectionNumber, string> = {
  1: 'overview',
  2: 'active',
  3: 'requests',
  4: 'appeals',
  5: 'problems',
  6: 'other',
};
