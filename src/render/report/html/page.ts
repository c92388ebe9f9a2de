import type { AnnualReport, Finding } from '../../../domain/report/index.ts';
import { reportTitle } from '../../../domain/report/index.ts';
import { cellMarks, SEVERITY_LABEL } from '../findings.ts';
import { reportSections } from '../narrative.ts';
import type { NarrativeBlock } from '../narrative.ts';
import { escapeHtml } from './escape.ts';
import { REPORT_PAGE_CSS } from './style.ts';
import { tableBodyHtml, tableClass } from './tables.ts';

function blockHtml(block: NarrativeBlock): string {
  if (block.kind === 'heading') return `<h3>${escapeHtml(block.text)}</h3>`;
  const lead = block.lead ? `<span class="lead">${escapeHtml(block.lead)}</span>` : '';
  return `<p>${lead}${escapeHtml(block.text)}</p>`;
}

function findingsHtml(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary =
    findings.length === 0 ? '未发现问题。' : `共 ${errors} 个错误，${findings.length - errors} 个警告。`;
  const items = findings
    .map(
      (f) =>
        `<li class="finding-${f.severity}"><strong>${SEVERITY_LABEL[f.severity]}</strong>\u3000${escapeHtml(f.message)}</li>`,
    )
    .join('');
  return (
    `<aside class="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">核对结果</h2>` +
    `<p>${summary}</p>${items ? `<ol>${items}</ol>` : ''}</aside>\n`
  );
}

/**
 * A standalone page fit to publish on a government site: the title, the six sections in order with their
 * prose and the three tables, and a print stylesheet (A4, GB/T 9704 fonts). When findings are given they are
 * listed after the title and the cells they name are marked.
 */
export function renderReportHtml(
  report: AnnualReport,
  options: { findings?: readonly Finding[] } = {},
): string {
  const title = escapeHtml(reportTitle(report.agency, report.year));
  const marks = options.findings ? cellMarks(options.findings) : undefined;
  let tableIndex = 0;
  let body = '';
  for (const section of reportSections(report)) {
    const id = `report-section-${section.number}`;
    body += `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(section.heading)}</h2>\n`;
    for (const block of section.blocks) body += blockHtml(block) + '\n';
    if (section.table)
      body +=
        `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">` +
        `<table class="${tableClass(section.table)}" aria-labelledby="${id}">` +
        `${tableBodyHtml(report, tableIndex++, marks)}</table></div>\n`;
    body += '</section>\n';
  }
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n` +
    `<style>${REPORT_PAGE_CSS}</style>\n</head>\n<body>\n<main>\n<article class="report">\n<h1>${title}</h1>\n` +
    (options.findings ? findingsHtml(options.findings) : '') +
    `${body}</article>\n</main>\n</body>\n</html>\n`
  );
}
