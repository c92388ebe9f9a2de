import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DocumentConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import type { ErrorCode } from '../domain/errors.ts';
import type { AnnualReport, Finding } from '../domain/report/index.ts';
import type { BulkDocument } from '../import/bulk.ts';
import type { ParseOptions, ParseResult } from '../import/index.ts';
import type { DocumentLimits } from '../import/limits.ts';
import type { LetterDocument } from '../domain/letters/index.ts';
import type { LetterSealImage } from '../render/letters/index.ts';
import type { RenderTarget } from '../render/report/index.ts';
import type { AttachmentType, SheetRow } from '../services/catalog/extract.ts';
import type { DocumentTask, Envelope, TaskAnswer } from './document-tasks.ts';

/**
 * The document workers: every parse of an uploaded document and every DOCX/PDF render runs in a pool of
 * worker threads (piscina), never on the event loop. Each job has a time limit (the thread is terminated
 * when it passes it) and each thread a heap limit (`resourceLimits`); at most `threads` jobs run at once and
 * at most `queue` wait — past that the caller gets 429 with the seconds after which to try again (重试时间).
 * The waiting line is this process's own (it shares out this process's CPU); what must hold across processes,
 * such as the render rate limit, is kept in the database.
 */
export interface DocumentPoolOptions {
  /** worker threads (DOCUMENT_WORKERS) */
  threads: number;
  /** jobs that may wait for a thread (DOCUMENT_QUEUE) */
  queue: number;
  /** a job's time limit, from when a thread takes it (DOCUMENT_TIMEOUT_MS) */
  timeoutMs: number;
  /** the limit of renders of our own data (DOCUMENT_RENDER_TIMEOUT_MS; when absent, `timeoutMs`) */
  renderTimeoutMs?: number;
  /** a thread's heap limit in MB (DOCUMENT_MEMORY_MB) */
  memoryMb: number;
  /** the reading limits the threads apply (DOCUMENT_MAX_MB, DOCUMENT_MAX_PAGES, DOCUMENT_OCR_MAX_PAGES) */
  limits: Partial<DocumentLimits>;
  /**
   * the time limit of a job reading a PDF with images (a scan is read by OCR child processes, seconds a page;
   * each child has its own limit), DOCUMENT_OCR_TIMEOUT_MS; without it `timeoutMs`
   */
  ocrTimeoutMs?: number;
}

export interface DocumentWorkers {
  parseReport(bytes: Uint8Array, filename: string, options?: ParseOptions): Promise<ParseResult>;
  attachmentText(type: AttachmentType, bytes: Uint8Array): Promise<string>;
  sheetRows(bytes: Uint8Array): Promise<SheetRow[] | null>;
  renderReport(report: AnnualReport, target: RenderTarget, findings?: readonly Finding[]): Promise<Buffer>;
  docxToPdf(docx: Uint8Array): Promise<Buffer>;
  /** a letter as DOCX or PDF (GB/T 9704, the agency's seal when it has one) */
  renderLetter(
    document: LetterDocument,
    format: 'docx' | 'pdf',
    seal?: LetterSealImage | null,
  ): Promise<Buffer>;
  /** the report documents of a .zip of a bulk upload, inflated under the document budget (import/bulk.ts) */
  unpackZip(bytes: Uint8Array, what: string): Promise<BulkDocument[]>;
  /** starts the threads and loads their code (the server calls it at boot, off the request path) */
  warmUp(): Promise<void>;
  /** jobs running and waiting now (tests, the bench) */
  load(): { running: number; waiting: number };
  close(): Promise<void>;
}

/** The pool's options from the configuration's DOCUMENT_* settings. */
export function documentPoolOptions(config: DocumentConfig): DocumentPoolOptions {
  return {
    threads: config.threads,
    queue: config.queue,
    timeoutMs: config.timeoutMs,
    renderTimeoutMs: config.renderTimeoutMs,
    memoryMb: config.memoryMb,
    limits: {
      maxInflatedBytes: config.maxMb * 1024 * 1024,
      maxPdfPages: config.maxPages,
      maxOcrPages: config.ocrMaxPages,
    },
    ocrTimeoutMs: config.ocrTimeoutMs,
  };
}

/**
 * A PDF that draws images (an image XObject's dictionary is never inside a compressed object stream, so its
 * "/Image" is in the bytes as written): it may be a scan, read by OCR.
 */
export function mayBeScan(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.subarray(0, 1024).includes('%PDF') && b.includes('/Image');
}

const WORKER = fileURLToPath(new URL('../../bin/document-worker.js', import.meta.url));

export function createDocumentWorkers(options: DocumentPoolOptions): DocumentWorkers {
  let pool: Piscina | null = null;
  const piscina = () =>
    (pool ??= new Piscina({
      filename: WORKER,
      minThreads: options.threads,
      maxThreads: options.threads,
      // our own line (below) decides what waits; piscina gets only jobs a thread can take now (and warm-ups)
      niceIncrement: 5,
      resourceLimits: {
        maxOldGenerationSizeMb: options.memoryMb,
        maxYoungGenerationSizeMb: Math.max(16, Math.round(options.memoryMb / 8)),
      },
      workerData: { limits: options.limits },
    }));
  let running = 0;
  const waiting: (() => void)[] = [];
  let averageMs = 1000;

  const retryAfter = () =>
    Math.max(1, Math.ceil((averageMs * (waiting.length / options.threads + 1)) / 1000));

  // the threads load their code before the first job's clock starts (a job's limit is for the job alone)
  let warm: Promise<unknown> | null = null;
  const warmUp = () =>
    (warm ??= Promise.all(
      Array.from({ length: options.threads }, () => piscina().run({ kind: 'ping' })),
    ).catch(() => undefined));

  async function slot(): Promise<void> {
    if (running < options.threads) {
      running++;
      return;
    }
    if (waiting.length >= options.queue) {
      const seconds = retryAfter();
      throw new AppError(
        'busy',
        `服务器正在处理的文档已满（${options.threads} 份处理中，${waiting.length} 份排队），请 ${seconds} 秒后重试（重试时间：${seconds} 秒后）`,
        undefined,
        { retryAfterSeconds: seconds },
      );
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  async function run<K extends DocumentTask['kind']>(
    task: Extract<DocumentTask, { kind: K }>,
  ): Promise<TaskAnswer[K]> {
    await slot();
    await warmUp();
    const started = Date.now();
    const render = RENDERS.has(task.kind);
    const t = task as DocumentTask;
    const limitMs = render
      ? (options.renderTimeoutMs ?? options.timeoutMs)
      : t.kind === 'parse-report' && options.ocrTimeoutMs !== undefined && mayBeScan(t.bytes)
        ? Math.max(options.timeoutMs, options.ocrTimeoutMs)
        : options.timeoutMs;
    const timeout = AbortSignal.timeout(limitMs);
    let envelope: Envelope<TaskAnswer[K]>;
    try {
      envelope = (await piscina().run(task, { signal: timeout })) as Envelope<TaskAnswer[K]>;
    } catch (error) {
      warm = null; // the thread was terminated: its replacement loads before the next job's clock starts
      throw threadError(error, timeout.aborted ? { render, limitMs } : null, options);
    } finally {
      averageMs = averageMs * 0.8 + (Date.now() - started) * 0.2;
      release();
    }
    if (envelope.ok) return envelope.value;
    const e = envelope.error;
    if (e.app) throw new AppError(e.code as ErrorCode, e.message, e.field, e.details);
    throw Object.assign(new Error(e.message), { name: e.name });
  }

  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    parseReport: (bytes, filename, parseOptions = {}) =>
      run({ kind: 'parse-report', bytes, filename, options: parseOptions }),
    attachmentText: (type, bytes) => run({ kind: 'attachment-text', type, bytes }),
    sheetRows: (bytes) => run({ kind: 'sheet-rows', bytes }),
    renderReport: async (report, target, findings) =>
      buffer(
        await run({
          kind: 'render-report',
          report,
          target,
          ...(findings ? { findings: [...findings] } : {}),
        }),
      ),
    docxToPdf: async (docx) => buffer(await run({ kind: 'docx-to-pdf', docx })),
    renderLetter: async (document, format, seal = null) =>
      buffer(await run({ kind: 'render-letter', document, format, seal })),
    unpackZip: (bytes, what) => run({ kind: 'unpack-zip', bytes, what }),
    load: () => ({ running, waiting: waiting.length }),
    warmUp: async () => {
      await warmUp();
    },
    close: async () => {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}

/** Jobs that render our own data (letters, reports from the validated model): the longer render limit. */
const RENDERS: ReadonlySet<DocumentTask['kind']> = new Set(['render-report', 'docx-to-pdf', 'render-letter']);

/** What a thread that did not answer means for the person who sent the document (or asked for a render). */
function threadError(
  error: unknown,
  timedOut: { render: boolean; limitMs: number } | null,
  options: DocumentPoolOptions,
): Error {
  const seconds = timedOut ? Number((timedOut.limitMs / 1000).toFixed(1)) : 0;
  if (timedOut?.render)
    return new AppError(
      'busy',
      `文书生成未能在 ${seconds} 秒内完成，已停止：服务器繁忙，请稍后重试`,
      undefined,
      {
        retryAfterSeconds: 30,
      },
    );
  if (timedOut)
    return new AppError(
      'unprocessable',
      `文档过于复杂，${seconds} 秒内未能处理完，已停止：请检查文件，或拆分后重新上传`,
      'file',
    );
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new AppError(
      'too_large',
      `文档展开后超出了处理时允许的内存（${options.memoryMb} MB），已停止：请检查文件，或拆分后重新上传`,
      'file',
    );
  return error instanceof Error ? error : new Error(String(error));
}
