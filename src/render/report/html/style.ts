import { reportLayouts } from '../layout/index.ts';

/**
 * The stylesheet of a rendered report, after GB/T 9704 (党政机关公文格式): A4 with 37/26/35/28 mm margins,
 * title in 小标宋 二号, body 仿宋 三号 with 28 pt lines and a two-character indent, 一级标题 黑体, 二级标题 楷体.
 * Font lists fall back from the fonts of government computers to those of common systems.
 */
const FANGSONG = `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const XIAOBIAOSONG = `"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "宋体", SimSun, "Noto Serif CJK SC", serif`;
const HEITI = `"黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
const KAITI = `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif`;

/** Column widths of each table, from the layout (the same in both formats). */
function columnWidths(): string {
  return reportLayouts('2021')
    .map((layout) => {
      const total = layout.widths.reduce((a, b) => a + b, 0);
      return layout.widths
        .map(
          (w, i) =>
            `.report-table-${layout.table} col:nth-child(${i + 1}){width:${((w / total) * 100).toFixed(2)}%}`,
        )
        .join('\n');
    })
    .join('\n');
}

/** Styles for the tables alone, for pages that embed `renderReportTablesHtml`. */
export const REPORT_TABLE_CSS = `
.table-wrap{overflow-x:auto;margin:8pt 0 16pt}
.table-wrap:focus-visible{outline:2px solid #1f4e9c;outline-offset:2px}
.report-table{width:100%;border-collapse:collapse;table-layout:fixed;font-family:${FANGSONG};font-size:10.5pt;line-height:1.35;text-indent:0}
.report-table-requests,.report-table-appeals{min-width:42em}
.report-table caption{text-align:left;font-weight:bold;padding:0 0 4pt}
.report-table th,.report-table td{border:1px solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle;overflow-wrap:anywhere}
.report-table th{font-weight:bold}
.report-table th.label{text-align:left;font-weight:normal}
.report-table th.group{font-weight:normal}
.report-table td.note{text-align:left;font-size:9pt}
.report-table td{font-variant-numeric:tabular-nums}
.report-table .finding-error{background:#fde0dc;box-shadow:inset 0 0 0 2px #b3261e}
.report-table .finding-warning{background:#fff3c4;box-shadow:inset 0 0 0 2px #8a6d00}
${columnWidths()}
`;

/** The stylesheet of the standalone report page: screen and print. */
export const REPORT_PAGE_CSS = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
html{background:#eef0f2;color:#111}
body{margin:0}
.report{box-sizing:border-box;max-width:210mm;margin:0 auto;padding:24mm 20mm;background:#fff;font-family:${FANGSONG};font-size:16pt;line-height:28pt}
.report h1{font-family:${XIAOBIAOSONG};font-size:22pt;font-weight:normal;line-height:1.45;text-align:center;margin:0 0 28pt}
.report h2{font-family:${HEITI};font-size:16pt;font-weight:normal;margin:0;text-indent:2em}
.report h3,.report .lead{font-family:${KAITI};font-size:16pt;font-weight:normal}
.report h3{margin:0;text-indent:2em}
.report p{margin:0;text-indent:2em;text-align:justify}
.findings{margin:0 0 24pt;padding:8pt 12pt;border:1px solid #b3261e;font-size:12pt;line-height:1.6}
.findings h2{text-indent:0}
.findings p{text-indent:0}
.findings li.finding-error::marker{color:#b3261e}
${REPORT_TABLE_CSS}
@media (max-width:640px){.report{padding:16px 12px;font-size:13pt;line-height:1.8}.report h1{font-size:18pt}}
@media print{
html{background:none}
.report{max-width:none;margin:0;padding:0}
.table-wrap{overflow:visible}
.report-table-requests,.report-table-appeals{min-width:0}
thead{display:table-header-group}
.report-table{font-size:10pt;line-height:1.2}
.report-table th,.report-table td{padding:1pt 2pt}
.report-table-requests,.report-table-appeals{break-inside:avoid;page-break-inside:avoid}
tr,th,td{break-inside:avoid;page-break-inside:avoid}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
p{orphans:2;widows:2}
.report-table .finding-error,.report-table .finding-warning{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;
