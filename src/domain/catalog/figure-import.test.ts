import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { parseFigureRows } from './figure-import.ts';
import { checkFigure } from './yearly-figures.ts';

describe('CSV reading', () => {
  it('reads quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const { rows, error } = parseCsv(
      '\ufeff年度,事项,备注\r\n2025,"行政许可","含""告知承诺制"",共\n两批"\r\n\r\n2024,行政处罚,\n',
    );
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ['年度', '事项', '备注'] },
      { line: 2, cells: ['2025', '行政许可', '含"告知承诺制",共\n两批'] },
      { line: 5, cells: ['2024', '行政处罚', ''] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n1,"open\n').error).toBe('第 2 行：引号未闭合');
  });
});

describe('importing yearly figures', () => {
  it('reads figures of both layouts by their statutory labels, headers in any order', () => {
    const csv = [
      '数值,年度,指标,事项,备注',
      '1204,2025,本年处理决定数量,行政许可,',
      '"12.35",2025,本年收费金额(单位:万元),行政事业性收费,财政系统',
      '-440,2020,本年增/减,行政处罚,',
      '"43,099,284.00",2020,采购总金额,政府集中采购,单位：元',
    ].join('\n');
    const { figures, problems } = parseFigureRows(parseCsv(csv).rows);
    expect(problems).toEqual([]);
    expect(figures).toEqual([
      { year: 2025, key: 'licensing.decisions', value: 1204, note: null },
      { year: 2025, key: 'fees.amount_wan', value: 12.35, note: '财政系统' },
      { year: 2020, key: 'penalty.change', value: -440, note: null },
      { year: 2020, key: 'procurement.amount', value: 43099284, note: '单位：元' },
    ]);
  });

  it('names the row and column of every problem, in Chinese', () => {
    const csv = [
      '年度,事项,指标,数值',
      '2025,行政许可,本年处理决定数量,十二',
      '二〇二五,行政处罚,本年处理决定数量,3',
      '2025,行政审批,本年处理决定数量,3',
      '2025,行政处罚,上一年项目数量,3',
      '2025,行政强制,本年处理决定数量,-2',
      '2025,行政规范性文件,本年制发件数,4',
      '2025,行政强制,本年处理决定数量,2',
      '2025,行政强制,本年处理决定数量,5',
    ].join('\n');
    const { problems } = parseFigureRows(parseCsv(csv).rows);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, '数值'],
      [3, '年度'],
      [4, '事项'],
      [5, '指标'],
      [6, '数值'],
      [7, '事项'],
      [9, '事项'],
    ]);
    expect(problems[0]!.message).toBe('第 2 行“数值”列：“十二”不是数字');
    expect(problems[3]!.message).toContain('可填：本年处理决定数量');
    expect(problems[4]!.message).toBe('第 6 行“数值”列：行政强制“本年处理决定数量”应为不小于 0 的整数');
    expect(problems[5]!.message).toContain('自动统计');
    expect(problems[6]!.message).toContain('与第 8 行重复');
  });

  it('reports a missing header column', () => {
    const { problems } = parseFigureRows(parseCsv('年度,事项,数值\n2025,行政许可,1').rows);
    expect(problems).toEqual([{ row: 1, column: '指标', message: '表头缺少“指标”列' }]);
  });

  it('checks values by the kind of cell', () => {
    expect(checkFigure('count', 3)).toBeNull();
    expect(checkFigure('count', 2.5)).not.toBeNull();
    expect(checkFigure('signed_count', -8)).toBeNull();
    expect(checkFigure('amount', 0.0001)).toBeNull();
    expect(checkFigure('amount', 0.00001)).not.toBeNull();
  });
});
