import { describe, expect, it } from 'vitest';
import { decodeReport, encodeReport } from './interchange.ts';
import { reportTemplate } from './template.ts';

describe('reportTemplate', () => {
  it('a blank form: format by year, every cell null, narrative empty', () => {
    for (const [year, format] of [
      [2020, '2019'],
      [2021, '2021'],
      [2025, '2021'],
    ] as const) {
      const report = reportTemplate(year);
      expect(report).toMatchObject({
        year,
        format,
        agency: null,
        narrative: { overview: '', problems: '', other: '' },
      });
      const cells = [report.active, report.requests, report.appeals].flatMap((t) =>
        Object.values(t as unknown as Record<string, Record<string, unknown>>).flatMap((r) =>
          Object.values(r),
        ),
      );
      expect(cells.length).toBeGreaterThan(150);
      expect(cells.every((c) => c === null)).toBe(true);
    }
  });

  it('an explicit format and agency; the template round-trips through the interchange format', () => {
    const report = reportTemplate(2023, '2019', '某县卫生健康局');
    expect(report.format).toBe('2019');
    expect(report.requests).toHaveProperty('other_handling');
    expect(report.agency).toBe('某县卫生健康局');
    const decoded = decodeReport(JSON.parse(JSON.stringify(encodeReport(report))));
    expect(decoded.findings).toEqual([]);
    expect(decoded.report).toEqual(report);
  });
});
