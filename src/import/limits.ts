import { AppError } from '../domain/errors.ts';

/**
 * What a document may cost to read, whatever it claims about itself: how deeply its markup nests, how many
 * bytes its compressed parts inflate to, how many entries its ZIP container lists, how many pages a PDF has.
 * A document past a limit is refused with a Chinese message (413 for size, 422 for nesting), before the full
 * parse: the limits are checked by cheap scans (depth.ts, zip.ts, pdf-streams.ts). The worker pool
 * (src/workers) sets them from the configuration; the defaults serve the CLI and tests.
 */
export interface DocumentLimits {
  /** bytes a document's compressed parts may inflate to, all parts together (DOCUMENT_MAX_MB) */
  maxInflatedBytes: number;
  /** entries a ZIP container (DOCX, XLSX) may list */
  maxZipEntries: number;
  /** pages a PDF may have (DOCUMENT_MAX_PAGES) */
  maxPdfPages: number;
  /** how deeply XML / HTML elements may nest */
  maxNesting: number;
  /** scanned pages (no text layer) a PDF may have to be read by OCR (DOCUMENT_OCR_MAX_PAGES) */
  maxOcrPages: number;
  /** the time each scanned page may take its OCR child processes (pdftoppm, tesseract), in ms */
  ocrPageTimeoutMs: number;
  /** the address space an OCR child process may use, in MB */
  ocrMemoryMb: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxInflatedBytes: 64 * 1024 * 1024,
  maxZipEntries: 5000,
  maxPdfPages: 500,
  maxNesting: 256,
  maxOcrPages: 30,
  ocrPageTimeoutMs: 180_000,
  ocrMemoryMb: 1024,
};

let current: DocumentLimits = DEFAULT_DOCUMENT_LIMITS;

/** The limits in force in this thread. */
export const documentLimits = (): DocumentLimits => current;

/** Sets the limits for this thread (the document worker, from the configuration). */
export function setDocumentLimits(limits: Partial<DocumentLimits>): void {
  current = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The document inflates past the limit (a ZIP or flate bomb). */
export const inflatedTooLarge = (what: string, limit: number) =>
  new AppError(
    'too_large',
    `${what}解压后超过 ${mb(limit)} MB（上限），可能是压缩炸弹，已停止读取：请检查文件后重新上传`,
    'file',
  );

/** Whether an error is one of these refusals (they pass through the import's catch-all). */
export const isLimitError = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'too_large' || error.code === 'unprocessable');
