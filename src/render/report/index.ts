import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import { renderReportDocx } from './docx/index.ts';
import { renderReportHtml } from './html/page.ts';
import { renderReportMarkdown } from './markdown.ts';
import { printPdf } from '../print-fonts.ts';
import { renderReportXlsx } from './xlsx/index.ts';

/**
 * Rendering the annual report: HTML (a page fit to publish, and the tables alone), DOCX (GB/T 9704), XLSX,
 * Markdown and PDF (the DOCX through LibreOffice). All lay the tables out as the official formats do.
 */
export const RENDER_TARGETS = ['html', 'docx', 'xlsx', 'md', 'pdf'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

export interface RenderOptions {
  /** validation findings: listed in the output, and the cells they name are marked */
  findings?: readonly Finding[];
}

export function isRenderTarget(value: unknown): value is RenderTarget {
  return typeof value === 'string' && (RENDER_TARGETS as readonly string[]).includes(value);
}

/** The file name extension of each target. */
export const TARGET_EXTENSION: Record<RenderTarget, string> = {
  html: '.html',
  docx: '.docx',
  xlsx: '.xlsx',
  md: '.md',
  pdf: '.pdf',
};

export async function renderReport(
  report: AnnualReport,
  target: RenderTarget,
  options: RenderOptions = {},
): Promise<Buffer> {
  switch (target) {
    case 'html':
      return Buffer.from(renderReportHtml(report, options), 'utf8');
    case 'md':
      return Buffer.from(renderReportMarkdown(report, options), 'utf8');
    case 'docx':
      return renderReportDocx(report, options);
    case 'xlsx':
      return renderReportXlsx(report, options);
    case 'pdf':
      return printPdf(await renderReportDocx(report, options));
  }
}

export { renderReportHtml } from './html/page.ts';
export { renderReportTablesHtml } from './html/tables.ts';
export { REPORT_PAGE_CSS, REPORT_TABLE_CSS } from './html/style.ts';
export { renderReportMarkdown } from './markdown.ts';
export { renderReportDocx } from './docx/index.ts';
export { renderReportXlsx, SHEET_NAMES } from './xlsx/index.ts';
export { docxToPdf } from './pdf.ts';
export type { PdfOptions } from './pdf.ts';
