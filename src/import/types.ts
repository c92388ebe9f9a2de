import type { AnnualReport, CellSource, Finding } from '../domain/report/index.ts';

/** What the caller knows about the document and wants to override: the report year and the agency. */
export interface ParseOptions {
  year?: number;
  agency?: string;
}

/** The kind of document a report was read from. */
export type InputKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/**
 * The result of importing a report: always a report (possibly mostly blank) and the findings of the import.
 * The report carries `sources` (where each cell was read), `cellText` (the printed text of cells that were not
 * plain numbers) and `narrative`.
 */
export interface ParseResult {
  report: AnnualReport;
  findings: Finding[];
  /** the kind of document that was read */
  input: InputKind;
}

/** One cell of a document row: its printed text and where it was printed. */
export interface DocCell {
  text: string;
  source: CellSource;
  /** read by OCR from a scanned page: the lowest confidence of its words (0–100) */
  confidence?: number;
}

/**
 * A row of a document, whatever the layout: a paragraph of prose (one cell, `prose: true`) or a table row
 * (a cell per line in Word text, a tab-separated line in PDF text, a pipe row in Markdown, a `<tr>` or `w:tr`).
 */
export interface DocRow {
  cells: DocCell[];
  prose: boolean;
  source: CellSource;
  /**
   * The cells were split at gaps in extracted text (tab-separated PDF text): an empty cell may be a merged
   * label column or nothing at all rather than a blank table cell, so only the printed values count.
   */
  loose?: boolean;
  /** the row is a picture (an HTML <img>): its alt text or file name — a table printed as an image is unreadable */
  image?: string;
}
