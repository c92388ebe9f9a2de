import { describe, expect, it } from 'vitest';
import { parseReportHtml, parseReportText } from './index.ts';

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('format and year from the evidence (#13 point 5)', () => {
  it('the year from a title in any markup, even after a <title> without a year', () => {
    const r = parseReportHtml(
      `<html><head><title>某县卫生健康局政府信息公开工作年度报告_某县人民政府</title></head><body><p style="text-align:center"><span>2019年政府信息公开</span><span>工作年度报告</span></p><p>一、总体情况</p><p>本年度…</p></body></html>`,
    );
    expect([r.report.agency, r.report.year, r.report.format]).toEqual(['某县卫生健康局', 2019, '2019']);
  });

  it('the year from “统计期限为2024年1月1日至2024年12月31日” when the title has none; the year decides the format', () => {
    const r = parseReportText(
      `某县卫生健康局政府信息公开工作年度报告\n本报告中所列数据统计期限为2024年1月1日至2024年12月31日。\n一、总体情况\n本年度…`,
    );
    expect([r.report.year, r.report.format]).toEqual([2024, '2021']);
    const f = r.findings.find((x) => x.code === 'import.format.undetermined')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('报告年度 2024 年对应的 2021 年版');
  });

  it('2020 is read in the 2019 format, 2021 in the 2021 format, when the labels do not say', () => {
    const text = (y: number) => `某县卫生健康局${y}年政府信息公开工作年度报告\n一、总体情况\n本年度…`;
    expect(parseReportText(text(2020)).report.format).toBe('2019');
    expect(parseReportText(text(2021)).report.format).toBe('2021');
  });

  it('no year and no labels: the format is not guessed silently — an error says it could not be determined', () => {
    const r = parseReportText(`一、总体情况\n本年度…`);
    const f = r.findings.find((x) => x.code === 'import.format.undetermined')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('无法确定格式');
  });

  it('conflicting evidence is reported: the title year against the period, labels of both formats', () => {
    const r = parseReportText(
      `某县卫生健康局2023年政府信息公开工作年度报告\n统计期限为2022年1月1日至2022年12月31日。\n二、主动公开政府信息情况\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n| 规章 | 0 | 0 | 0 |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 5 |`,
    );
    expect(codes(r.findings)).toEqual(
      expect.arrayContaining(['import.meta.period_conflict', 'import.format.mixed_labels']),
    );
    expect(r.report.year).toBe(2023);
  });
});
