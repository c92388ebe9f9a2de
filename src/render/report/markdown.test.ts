import { describe, expect, it } from 'vitest';
import { emptyReport, reportTemplate, setCell } from '../../domain/report/index.ts';
import { renderReportMarkdown } from './markdown.ts';

describe('Markdown', () => {
  it('labels carry their path; blanks are empty and 0 is 0; headings in order', () => {
    const report = emptyReport('2021', 0);
    report.year = 2024;
    report.agency = '某局';
    setCell(report, 'requests', 'other_no_fee', 'natural', null);
    setCell(report, 'requests', 'other_no_fee', 'total', 3);
    const md = renderReportMarkdown(report);
    expect(
      md.startsWith(
        '# 某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n## 二、主动公开政府信息情况\n',
      ),
    ).toBe(true);
    expect(md).toContain('| （三）不予公开 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain(
      '| （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |  | 0 | 0 | 0 | 0 | 0 | 3 |',
    );
    expect(md).toContain('| 法人或其他组织 商业企业 |');
    expect(md).toContain('| 行政诉讼 复议后起诉 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain(
      '**第二十条第（八）项**\n\n| 信息内容 | 本年收费金额（单位：万元） |\n| --- | ---: |\n| 行政事业性收费 | 0 |',
    );
  });

  it('every table row has as many cells as its header', () => {
    const md = renderReportMarkdown(reportTemplate(2020));
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(5 + 1 + 1);
    for (const table of tables) {
      const widths = table.split('\n').map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size, table.split('\n')[0]).toBe(1);
    }
  });
});
