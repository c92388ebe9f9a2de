import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import { reportTitle, reportToJson } from '../../domain/report/index.ts';
import type { Html } from './html.ts';
import { html, raw } from './html.ts';
import { page } from './layout.ts';

const NAV = [
  { href: '/', label: '首页' },
  { href: '/tools/report', label: '年度报告核对', current: true },
  { href: '/console/', label: '工作人员登录' },
];

const SEVERITY_LABEL = { error: '错误', warning: '警告' } as const;

function form(values: { json?: string; previous?: string; error?: string }): Html {
  const year = new Date().getFullYear() - 1;
  return html` <form method="post" action="/tools/report" enctype="multipart/form-data" class="report-form">
      ${values.error ? html`<div class="error-summary" role="alert"><p class="field-error">${values.error}</p></div>` : ''}
      <label for="report-json">报告全文或 JSON（gongkai.annual-report/1 格式）</label>
      <p class="hint" id="report-json-hint">
        粘贴从网页、Word 或 PDF 复制的报告全文，或报告的
        JSON；也可在下方上传文件（JSON、Word、PDF、网页或文本）。
      </p>
      <textarea id="report-json" name="json" aria-describedby="report-json-hint">
${values.json ?? ''}</textarea>
      <label for="report-file">或上传报告文件</label>
      <input id="report-file" type="file" name="file" accept=".json,.txt,.md,.html,.htm,.docx,.pdf" />
      <label for="previous-json">上年度报告 JSON（可选，用于跨年度核对）</label>
      <textarea id="previous-json" name="previous" style="min-height:5rem">${values.previous ?? ''}</textarea>
      <div class="actions"><button type="submit">核对报告</button></div>
    </form>
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">空白模板</h2>
      <form method="get" action="/api/report-tool/template" class="actions">
        <label for="template-year" class="visually-hidden">年度</label>
        <input
          id="template-year"
          type="number"
          name="year"
          value="${year}"
          min="2008"
          max="2100"
          style="width:7rem"
        />
        <label for="template-to" class="visually-hidden">文件格式</label>
        <select id="template-to" name="to" style="width:10rem">
          <option value="docx">Word（DOCX）</option>
          <option value="xlsx">Excel（XLSX）</option>
          <option value="html">网页（HTML）</option>
          <option value="md">Markdown</option>
          <option value="json">JSON</option>
        </select>
        <button type="submit" class="secondary">下载空白模板</button>
      </form>
    </section>`;
}

export function reportToolPage(values: { json?: string; previous?: string; error?: string } = {}): string {
  return page({
    title: '年度报告核对 — Gongkai',
    nav: NAV,
    body: html`<h1>政府信息公开工作年度报告核对</h1>
      <p>
        按国办公开办函〔2019〕60号、〔2021〕30号规定的格式核对年度报告：表格勾稽关系、空白和非法单元格、格式与年度是否相符、与上年度报告的衔接、正文数字与表格是否一致；并可下载规范排版的
        Word、Excel 文件。
      </p>
      ${form(values)}`,
  });
}

function findingList(findings: readonly Finding[]): Html {
  if (findings.length === 0) return html`<p role="status">未发现问题：各项勾稽关系成立。</p>`;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return html`<p role="status">共 ${errors} 个错误，${findings.length - errors} 个警告。</p>
    <ul class="findings">
      ${findings.map(
        (f) =>
          html`<li class="${f.severity}">
            <span class="badge ${f.severity}">${SEVERITY_LABEL[f.severity]}</span> ${f.message} <br /><span
              class="code"
              >${f.code} ·
              ${[f.location.table, f.location.row, f.location.column].filter(Boolean).join('.')}</span
            >
          </li>`,
      )}
    </ul>`;
}

/**
 * Highlights the cells the findings point at (the renderer marks each cell with data-cell): the cell a rule
 * names in red, the blank cells behind an incomplete table in yellow.
 */
function flaggedStyle(findings: readonly Finding[]): Html {
  const named = new Set<string>();
  const blanks = new Set<string>();
  for (const f of findings) {
    if (f.location.row && f.location.column && ['active', 'requests', 'appeals'].includes(f.location.table))
      named.add(`${f.location.table}.${f.location.row}.${f.location.column}`);
    if (f.code !== 'cell.blank') for (const c of f.cells ?? []) blanks.add(c);
  }
  const selector = (paths: Iterable<string>) =>
    [...paths]
      .filter((p) => /^[a-z_.]+$/.test(p))
      .map((p) => `[data-cell="${p}"]`)
      .join(',');
  const rules = [
    blanks.size > 0 ? `${selector(blanks)}{background:#fff4c2}` : '',
    named.size > 0 ? `${selector(named)}{background:#ffe3e0;outline:2px solid #b42318}` : '',
  ].join('');
  return rules ? raw(`<style>${rules}</style>`) : html``;
}

function downloadButtons(report: AnnualReport): Html {
  const json = reportToJson(report);
  const targets = [
    ['docx', '下载 Word'],
    ['xlsx', '下载 Excel'],
    ['html', '下载网页'],
    ['md', '下载 Markdown'],
    ['json', '下载 JSON'],
  ] as const;
  return html`<div class="actions">
    ${targets.map(
      ([to, label]) =>
        html`<form method="post" action="/tools/report/download">
          <input type="hidden" name="to" value="${to}" /><textarea name="json" hidden aria-hidden="true">
${json}</textarea>
          <button type="submit" ${to === 'docx' ? '' : html` class="secondary"`}>${label}</button>
        </form>`,
    )}
  </div>`;
}

export function reportResultPage(input: {
  report: AnnualReport;
  findings: readonly Finding[];
  tablesHtml: string;
  editableTablesHtml: string;
  json: string;
  previous?: string;
}): string {
  return page({
    title: `核对结果 — ${reportTitle(input.report.agency, input.report.year)}`,
    nav: NAV,
    body: html`<h1>${reportTitle(input.report.agency, input.report.year)}</h1>
      <p>
        格式：${input.report.format} 年版 · 年度：${input.report.year ?? '未知'} ·
        机关：${input.report.agency ?? '未知'}
      </p>
      ${downloadButtons(input.report)}
      <div class="cols">
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading">核对结果</h2>
          ${findingList(input.findings)}
        </section>
        <section aria-labelledby="tables-heading" class="report-tables">
          <h2 id="tables-heading">表格</h2>
          ${flaggedStyle(input.findings)}${raw(input.tablesHtml)}
        </section>
      </div>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">修改单元格</h2>
        <p class="hint">导入的数字有误时，可在下表中直接修改（空白表示未填写），再重新核对。</p>
        <form method="post" action="/tools/report/edit" class="report-tables">
          <textarea name="json" hidden aria-hidden="true">${input.json}</textarea>
          ${input.previous ? html`<textarea name="previous" hidden aria-hidden="true">${input.previous}</textarea>` : ''}
          ${raw(input.editableTablesHtml)}
          <div class="actions"><button type="submit">保存修改并重新核对</button></div>
        </form>
      </section>
      <h2>重新核对</h2>
      ${form({ json: input.json, ...(input.previous ? { previous: input.previous } : {}) })}`,
  });
}
