import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { AppError } from '../domain/errors.ts';
import type { BulkDocument } from '../import/bulk.ts';
import type { ParseOptions, ParseResult } from '../import/index.ts';
import type { LetterDocument } from '../domain/letters/index.ts';
import type { LetterSealImage } from '../render/letters/index.ts';
import type { RenderTarget } from '../render/report/index.ts';
import type { AttachmentType, SheetRow } from '../services/catalog/extract.ts';

/**
 * The work the document workers do: every parse of an uploaded document and every render of a DOCX or PDF.
 * A task is plain data (it crosses to a worker thread by structured clone); so is its answer, an envelope
 * that carries an `AppError` back by code, message and field.
 */
export type DocumentTask =
  | { kind: 'ping' }
  | { kind: 'parse-report'; bytes: Uint8Array; filename: string; options: ParseOptions }
  | { kind: 'attachment-text'; type: AttachmentType; bytes: Uint8Array }
  | { kind: 'sheet-rows'; bytes: Uint8Array }
  | { kind: 'render-report'; report: AnnualReport; target: RenderTarget; findings?: Finding[] }
  | { kind: 'docx-to-pdf'; docx: Uint8Array }
  | { kind: 'render-letter'; document: LetterDocument; format: 'docx' | 'pdf'; seal: LetterSealImage | null }
  | { kind: 'unpack-zip'; bytes: Uint8Array; what: string };

export interface TaskAnswer {
  ping: true;
  'parse-report': ParseResult;
  'attachment-text': string;
  'sheet-rows': SheetRow[] | null;
  'render-report': Uint8Array;
  'docx-to-pdf': Uint8Array;
  'render-letter': Uint8Array;
  'unpack-zip': BulkDocument[];
}

export type Envelope<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: { app: boolean; code: string; message: string; name: string; field?: string; details?: unknown };
    };

// each kind loads only the libraries it needs, so a thread is ready sooner
const importer = () => import('../import/index.ts');
const extract = () => import('../services/catalog/extract.ts');
const render = () => import('../render/report/index.ts');
const letters = () => import('../render/letters/file.ts');

async function perform(task: DocumentTask): Promise<TaskAnswer[DocumentTask['kind']]> {
  switch (task.kind) {
    case 'ping':
      await importer();
      // the letters' print fonts (fc-list; the SC face written out once), off any request's clock
      await (await import('../render/print-fonts.ts')).printSetup();
      return true;
    case 'parse-report':
      return (await importer()).parseReportFile(task.bytes, task.filename, task.options);
    case 'attachment-text':
      return (await extract()).attachmentText(task.type, task.bytes);
    case 'sheet-rows':
      return (await extract()).firstSheetRows(task.bytes);
    case 'render-report':
      return (await render()).renderReport(
        task.report,
        task.target,
        task.findings ? { findings: task.findings } : {},
      );
    case 'docx-to-pdf':
      return (await render()).docxToPdf(task.docx);
    case 'render-letter':
      return (await letters()).renderLetterFile(task.document, task.format, { seal: task.seal });
    case 'unpack-zip':
      return (await import('../import/bulk.ts')).unpackZip(task.bytes, task.what);
  }
}

/** Runs a task in this thread and wraps what comes of it (the worker's body; tests call it directly). */
export async function runDocumentTask(task: DocumentTask): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (error) {
    if (error instanceof AppError)
      return {
        ok: false,
        error: {
          app: true,
          code: error.code,
          message: error.message,
          name: error.name,
          ...(error.field ? { field: error.field } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      };
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { app: false, code: 'internal', message: e.message, name: e.name } };
  }
}
