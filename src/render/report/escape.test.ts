import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import { reportTemplate } from '../../domain/report/index.ts';
import { renderReportDocx, renderReportHtml, renderReportMarkdown, renderReportXlsx } from './index.ts';
import { readZipPart } from './zip.ts';

const EVIL = '<script>alert("x")</script>';

function hostile(): AnnualReport {
  const report = reportTemplate(2023, undefined, `${EVIL}&卫生健康局`);
  report.narrative = {
    overview: `第一段${EVIL}\n（一）主动公开情况。<img src=x onerror=alert(1)>正文 | 竖线 # 井号`,
    problems: '- 不是列表\n1. 也不是列表\n**不加粗**',
    other: `a & b <b>`,
    requests: `<iframe>`,
  };
  return report;
}
const findings: Finding[] = [
  {
    code: 'x',
    severity: 'error',
    location: { table: 'requests', row: 'total', column: 'total' },
    message: `错<b>${EVIL}`,
  },
];

describe('everything from the report is escaped', () => {
  it('HTML page: no markup from the report survives, text is kept', () => {
    const html = renderReportHtml(hostile(), { findings });
    expect(html).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(html).toContain(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;卫生健康局2023年政府信息公开工作年度报告</title>',
    );
    expect(html).toContain(
      '<span class="lead">（一）主动公开情况。</span>&lt;img src=x onerror=alert(1)&gt;正文',
    );
    expect(html).toContain('<p>a &amp; b &lt;b&gt;</p>');
    expect(html).toContain('title="错&lt;b&gt;&lt;script&gt;');
  });

  it('Markdown: characters that would be markup are backslash-escaped', () => {
    const md = renderReportMarkdown(hostile(), { findings });
    expect(md).not.toMatch(/(^|[^\\])<(script|img|iframe|b)/im);
    expect(md).toContain('# \\<script\\>alert("x")\\</script\\>\\&卫生健康局2023年政府信息公开工作年度报告');
    expect(md).toContain('正文 \\| 竖线 \\# 井号');
    expect(md).toContain('\\- 不是列表\n\n1\\. 也不是列表\n\n\\*\\*不加粗\\*\\*');
  });

  it('DOCX: the text is XML-escaped in the document and its properties', async () => {
    const docx = await renderReportDocx(hostile(), { findings });
    const xml = readZipPart(docx, 'word/document.xml');
    expect(xml).not.toMatch(/<(script|img|iframe|b)[\s>]/);
    expect(xml).toContain('&lt;script&gt;');
    expect(readZipPart(docx, 'docProps/core.xml')).toContain('<dc:title>&lt;script&gt;');
  });

  it('XLSX: the text reads back unchanged', async () => {
    const bytes = await renderReportXlsx(hostile(), { findings });
    expect(readZipPart(bytes, 'xl/sharedStrings.xml')).not.toMatch(/<script/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(
      `${EVIL}&卫生健康局2023年政府信息公开工作年度报告`,
    );
    expect(workbook.getWorksheet('核对结果')!.getCell('D2').value).toBe(findings[0]!.message);
  });
});
