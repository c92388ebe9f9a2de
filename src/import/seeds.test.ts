import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../test/support/seeds.ts';
import type { AnnualReport, Finding } from '../domain/report/index.ts';
import {
  activeCells,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  getCell,
  requestRows,
  validateReport,
} from '../domain/report/index.ts';
import { derivedCells, parseReportText } from './index.ts';

/** Every cell of tables 二, 三 and 四 the expected file lists, as "table.row.column = value". */
function cells(report: AnnualReport | Record<string, unknown>): string[] {
  const r = report as AnnualReport;
  const out: string[] = [];
  const cell = (t: 'active' | 'requests' | 'appeals', row: string, col: string) => {
    const v = (r[t] as unknown as Record<string, Record<string, unknown>>)[row]?.[col];
    out.push(`${t}.${row}.${col} = ${v === undefined ? 'missing' : JSON.stringify(v)}`);
  };
  for (const { row, column } of activeCells(r.format)) cell('active', row.key, column.key);
  for (const row of requestRows(r.format)) for (const c of APPLICANT_COLUMNS) cell('requests', row.key, c);
  for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) cell('appeals', g, c);
  return out;
}

const summary = (findings: readonly Finding[]) =>
  findings
    .map((f) => [f.code, f.location.table, f.location.row ?? '', f.location.column ?? ''].join(' ').trim())
    .sort();

/** What the import itself reports on each seed: the oddities its expected file's notes describe. */
const IMPORT_FINDINGS: Record<string, string[]> = {
  '000_f85cb83f41f9d4bd': [],
  // the first 第二十条第（一）项 and the 第（六）项 headings are missing; table 四 prints 16 numbers for 15 cells
  '001_252bdc41f8001f11': [
    'import.active.heading_missing active',
    'import.active.heading_missing active',
    'import.appeals.extra_cells appeals',
  ],
  // 第三十条 for 第二十条 (four headings); table 三 rows print 6 of 7 cells; 不予公开 lost a row and its labels
  '002_6b7184a4cdcd6840': [
    'import.active.heading_typo active',
    'import.active.heading_typo active',
    'import.active.heading_typo active',
    'import.active.heading_typo active',
    'import.requests.row.derived requests new_received',
    'import.requests.row.derived requests carried_over',
    'import.requests.row.derived requests granted',
    'import.requests.row.derived requests partially_granted',
    'import.requests.row.derived requests other_handling',
    'import.requests.row.derived requests total',
    'import.requests.row.derived requests carry_forward',
    'import.requests.rows.derived requests denied_state_secret',
  ],
  '003_5c929392af2d662c': [],
  // the report has no 六、其他需要报告的事项
  '004_f3702a69faeeb52d': ['import.section.missing narrative other'],
};

/** What the validator reports after the import: the problems the expected file's findings/notes describe. */
const VALIDATOR_FINDINGS: Record<string, string[]> = {
  '000_f85cb83f41f9d4bd': [
    'cell.blank requests',
    'cell.money_in_count active fees change',
    'cell.non_integer active fees previous',
  ],
  '001_252bdc41f8001f11': [],
  '002_6b7184a4cdcd6840': [],
  '003_5c929392af2d662c': [
    'format.year_mismatch format',
    'table3.balance requests  natural',
    'table3.balance requests  total',
    'table3.row requests unable_not_held total',
    'table3.total requests total natural',
    'table3.total requests total total',
  ],
  '004_f3702a69faeeb52d': [
    'cell.blank requests',
    'narrative.mismatch narrative overview penalty',
    'table3.balance.incomplete requests  natural',
    'table3.balance.incomplete requests  other',
    'table3.row.incomplete requests total total',
    'table3.total.incomplete requests total natural',
    'table3.total.incomplete requests total other',
  ],
};

describe('the seed reports parse to their hand-read expected files', () => {
  for (const seed of loadSeeds()) {
    const { report, findings } = parseReportText(seed.text);
    it(`${seed.id}: agency, year, format and every cell of tables 二, 三, 四 (blank vs 0)`, () => {
      expect({ agency: report.agency, year: report.year, format: report.format }).toEqual({
        agency: seed.expected.agency,
        year: seed.expected.year,
        format: seed.expected.format,
      });
      expect(cells(report)).toEqual(cells(seed.expected));
    });
    it(`${seed.id}: the import reports exactly what is odd in the document`, () => {
      expect(summary(findings)).toEqual([...IMPORT_FINDINGS[seed.id]!].sort());
    });
    it(`${seed.id}: the validator then finds exactly the problems the notes describe`, () => {
      expect(summary(validateReport(report))).toEqual(
        VALIDATOR_FINDINGS[seed.id]!.map((s) => s.replace(/ +$/, '')).sort(),
      );
    });
    it(`${seed.id}: every read cell keeps its source line, and the line prints that number`, () => {
      const lines = seed.text.split(/\r\n|\r|\n/);
      const derived = derivedCells(findings);
      for (const t of ['active', 'requests', 'appeals'] as const)
        for (const [row, cols] of Object.entries(
          report[t] as unknown as Record<string, Record<string, number | null>>,
        ))
          for (const [col, value] of Object.entries(cols)) {
            const path = `${t}.${row}.${col}`;
            if (value === null || derived.has(path)) continue;
            const line = report.sources?.[path]?.line;
            expect(line, path).toBeTypeOf('number');
            expect(lines[line! - 1]!.replace(/,/g, ''), path).toContain(String(Math.abs(value)));
          }
    });
  }

  it('000: units and non-plain numbers keep their printed text for the validator', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('000'))!;
    const { report } = parseReportText(seed.text);
    expect(report.cellText).toEqual({
      'active.fees.change': '-53万元',
      'active.procurement.amount': '43099284.00元',
    });
    expect(getCell(report, 'active', 'licensing', 'change')).toBe(792);
  });

  it('004: the narrative of every section is kept, and the 457 quoted there is what the validator flags', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
    const { report } = parseReportText(seed.text);
    expect(report.narrative?.overview).toContain('公开行政处罚案件 457起');
    expect(report.narrative?.active).toContain('行政处罚共457件');
    expect(report.narrative?.appeals).toContain('未因不公开');
    expect(report.narrative?.problems).toContain('政务信息平台建设');
    expect(report.narrative?.other).toBe('');
  });

  it('002: cells fixed by arithmetic are listed as derived, and the message names the row', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('002'))!;
    const { findings } = parseReportText(seed.text);
    const derived = derivedCells(findings);
    expect(derived).toContain('requests.new_received.natural');
    expect(derived).toContain('requests.denied_inquiry_matter.total');
    expect(derived).not.toContain('requests.unable_not_held.natural');
    const row = findings.find((f) => f.code === 'import.requests.row.derived' && f.location.row === 'total')!;
    expect(row.message).toContain('（七）总计');
    expect(row.message).toContain('6 个数');
  });
});
