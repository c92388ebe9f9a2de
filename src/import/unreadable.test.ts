import { describe, expect, it } from 'vitest';
import {
  APPLICANT_COLUMNS,
  applyCellEdits,
  decodeReport,
  encodeReport,
  hasErrors,
  requestRows,
  validateReport,
} from '../domain/report/index.ts';
import { parseReportText } from './index.ts';

/** A 2021-format report whose table 三 is printed as a scanned image's caption and a garbled line of digits. */
const TEXT = `某县卫生健康局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局认真贯彻《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 2 | 1 | 9 |
| 信息内容 | 本年处理决定数量 |
| 行政许可 | 120 |
| 行政处罚 | / |
| 行政强制 | — |
| 信息内容 | 本年收费金额（单位：万元） |
| 行政事业性收费 | 0 |
三、收到和处理政府信息公开申请情况
（图片）表三 收到和处理政府信息公开申请情况 2 0 0 0 0 0 2 见附件扫描件第3页
四、政府信息公开行政复议、行政诉讼情况
| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
本年度未收取信息处理费。
`;

describe('unreadable is not blank (#13 point 4)', () => {
  const { report, findings } = parseReportText(TEXT);
  const requestPaths = requestRows('2021').flatMap((r) =>
    APPLICANT_COLUMNS.map((c) => `requests.${r.key}.${c}`),
  );

  it('a table that is there but cannot be read is reported as such, its cells missing', () => {
    const f = findings.find((x) => x.code === 'import.requests.unreadable');
    expect(f?.message).toMatch(/^表三无法读取：第 14 行起是表三/);
    expect(f?.severity).toBe('error');
    expect(new Set(report.missing)).toEqual(new Set(requestPaths));
    expect(requestPaths.every((p) => !report.cellText?.[p])).toBe(true);
  });

  it('validation never comes out consistent: the missing cells are an error, no identity uses them as 0', () => {
    const v = validateReport(report);
    const missing = v.find((x) => x.code === 'cell.missing');
    expect(missing?.severity).toBe('error');
    expect(missing?.cells).toHaveLength(requestPaths.length);
    expect(hasErrors(v)).toBe(true);
    // no table 三 identity was evaluated (none "holds", none "fails" with blanks counted as 0)
    expect(v.filter((x) => x.code.startsWith('table3.'))).toEqual([]);
    expect(v.find((x) => x.code === 'cell.blank' && x.location.table === 'requests')).toBeUndefined();
  });

  it('“/” and “—” are blanks with their own finding', () => {
    expect(report.active).toMatchObject({ penalty: { decisions: null }, coercion: { decisions: null } });
    expect(report.missing).not.toContain('active.penalty.decisions');
    const v = validateReport(report);
    const placeholder = v.find((x) => x.code === 'cell.placeholder');
    expect(placeholder?.cells).toEqual(['active.penalty.decisions', 'active.coercion.decisions']);
    expect(placeholder?.message).toContain('“/”或“—”');
  });

  it('missing cells survive the interchange JSON, and a cell typed in by a person is no longer missing', () => {
    const decoded = decodeReport(JSON.parse(JSON.stringify(encodeReport(report)))).report!;
    expect(decoded.missing).toEqual(report.missing);
    const edited = applyCellEdits(decoded, { 'requests.new_received.natural': '2' });
    expect(edited.changed).toEqual(['requests.new_received.natural']);
    expect(edited.report.missing).not.toContain('requests.new_received.natural');
    expect(edited.report.missing).toHaveLength(requestPaths.length - 1);
  });

  it('a report without table 三 at all: its cells are missing too, never zeros', () => {
    const cut = TEXT.replace(/三、收到[\s\S]*?(?=四、政府)/, '');
    const r = parseReportText(cut);
    expect(r.findings.map((x) => x.code)).toContain('import.requests.missing');
    expect(r.report.missing).toEqual(expect.arrayContaining(requestPaths));
    expect(hasErrors(validateReport(r.report))).toBe(true);
  });
});
