import fc from 'fast-check';
import type { AnnualReport, ReportFormat } from '../../src/domain/report/index.ts';
import {
  activeCells,
  APPEAL_GROUPS,
  APPEAL_PARTS,
  APPLICANT_PARTS,
  emptyReport,
  resultRows,
  setCell,
} from '../../src/domain/report/index.ts';

/**
 * A report whose tables satisfy every identity by construction: for each applicant column, result rows are
 * drawn, （七）总计 is their sum, 上年结转 and 结转下年度 are drawn and 本年新收 closes the balance; the 总计 column
 * is the row sums; table 四 groups sum to their 总计.
 */
export function consistentReport(
  format: ReportFormat,
  draw: () => number,
  year = format === '2019' ? 2020 : 2023,
) {
  const report = emptyReport(format, 0);
  report.year = year;
  report.agency = '某市卫生健康委员会';
  for (const { row, column } of activeCells(format))
    setCell(report, 'active', row.key, column.key, column.kind === 'signed_count' ? draw() - draw() : draw());
  const rows = resultRows(format);
  for (const column of APPLICANT_PARTS) {
    let total = 0;
    for (const row of rows) {
      const v = draw() % 4 === 0 ? draw() : 0;
      setCell(report, 'requests', row.key, column, v);
      total += v;
    }
    const forward = draw() % 10;
    const carried = Math.min(draw() % 10, total + forward);
    setCell(report, 'requests', 'total', column, total);
    setCell(report, 'requests', 'carry_forward', column, forward);
    setCell(report, 'requests', 'carried_over', column, carried);
    setCell(report, 'requests', 'new_received', column, total + forward - carried);
  }
  const requests = report.requests as Record<string, Record<string, number | null>>;
  for (const cells of Object.values(requests))
    cells.total = APPLICANT_PARTS.reduce((s, c) => s + (cells[c] ?? 0), 0);
  for (const group of APPEAL_GROUPS) {
    let total = 0;
    for (const column of APPEAL_PARTS) {
      const v = draw() % 3;
      setCell(report, 'appeals', group, column, v);
      total += v;
    }
    setCell(report, 'appeals', group, 'total', total);
  }
  return report as AnnualReport;
}

/** fast-check arbitrary of consistent reports in both formats. */
export const consistentReportArb: fc.Arbitrary<AnnualReport> = fc
  .record({
    format: fc.constantFrom<ReportFormat>('2019', '2021'),
    numbers: fc.array(fc.nat({ max: 500 }), { minLength: 64, maxLength: 64 }),
  })
  .map(({ format, numbers }) => {
    let i = 0;
    return consistentReport(format, () => numbers[i++ % numbers.length]! + (i % 7));
  });

/** A deterministic pseudo-random source for benchmarks (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A finished narrative quoting no figure (a report collected for clearing needs one: issue 12 point 7). */
export function withNarrative<R extends { narrative?: unknown }>(report: R): R {
  report.narrative = {
    overview: '本年度，本机关认真贯彻落实政府信息公开条例，各项工作有序开展。',
    problems: '主动公开的深度有待提高，下一步将加强培训。',
    other: '无其他需要报告的事项。',
  };
  return report;
}
