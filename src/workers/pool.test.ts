import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { reportTemplate } from '../domain/report/index.ts';
import { nestedSdtDocx } from '../../test/system/support/hostile-documents.ts';
import type { DocumentPoolOptions, DocumentWorkers } from './pool.ts';
import { createDocumentWorkers } from './pool.ts';

/**
 * The document workers (issue 16): real worker threads loading the TypeScript through bin/document-worker.js;
 * errors come back with their codes; a full queue answers 429 with 重试时间; a job past its time limit or a
 * thread past its heap limit is stopped, and the pool goes on.
 */
const pools: DocumentWorkers[] = [];
const pool = (options: Partial<DocumentPoolOptions> = {}) => {
  const p = createDocumentWorkers({
    threads: 1,
    queue: 4,
    timeoutMs: 20_000,
    memoryMb: 256,
    limits: {},
    ...options,
  });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

/** A web page with a long table: ordinary, but seconds of parsing. */
const longTable = (rows: number) =>
  strToU8(
    `<html><body><h1>2025年政府信息公开工作年度报告</h1><table>${Array.from(
      { length: rows },
      (_, i) => `<tr><td>第${i}行</td><td>${i}</td><td>${i * 2}</td></tr>`,
    ).join('')}</table></body></html>`,
  );

describe('document workers', () => {
  it('reads and renders in a worker thread, and carries refusals back with their code', async () => {
    const workers = pool();
    const report = reportTemplate(2025, undefined, '某某局');
    const docx = await workers.renderReport(report, 'docx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const read = await workers.parseReport(docx, 'report.docx');
    expect(read.report.year).toBe(2025);
    const refused = await caught(workers.parseReport(nestedSdtDocx(), 'nested.docx'));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused!.code).toBe('unprocessable');
  }, 60_000);

  it('answers 429 with the seconds to wait (重试时间) when every thread is busy and the queue is full', async () => {
    const workers = pool({ queue: 1 });
    await workers.warmUp();
    const running = workers.parseReport(longTable(2000), 'a.html');
    const waiting = workers.parseReport(longTable(10), 'b.html');
    const refused = await caught(workers.parseReport(longTable(10), 'c.html'));
    expect(refused?.code).toBe('busy');
    expect(refused?.message).toMatch(/重试时间：\d+ 秒后/);
    expect((refused?.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(workers.load()).toEqual({ running: 1, waiting: 1 });
    await Promise.all([running, waiting]);
    expect(workers.load()).toEqual({ running: 0, waiting: 0 });
  }, 60_000);

  it('stops a job past its time limit (422) and the next job is read by a fresh thread', async () => {
    const workers = pool({ timeoutMs: 300 });
    await workers.warmUp();
    const refused = await caught(workers.parseReport(longTable(40_000), 'long.html'));
    expect(refused?.code).toBe('unprocessable');
    expect(refused?.message).toMatch(/秒内未能处理完/);
    const next = await workers.parseReport(strToU8('2025年政府信息公开工作年度报告'), 'ok.txt');
    expect(next.report.year).toBe(2025);
  }, 60_000);

  it('gives a render of our own data its own, longer limit, and says a timed-out render is the server being busy', async () => {
    const report = reportTemplate(2025, undefined, '某县卫生健康局');
    const patient = pool({ timeoutMs: 1, renderTimeoutMs: 60_000 });
    await patient.warmUp();
    const html = await patient.renderReport(report, 'html');
    expect(html.toString('utf8')).toContain('某县卫生健康局');
    const hurried = pool({ timeoutMs: 60_000, renderTimeoutMs: 1 });
    await hurried.warmUp();
    const refused = await caught(hurried.renderReport(report, 'html'));
    expect(refused?.code).toBe('busy');
    expect(refused?.message).toMatch(/文书生成未能在 [0-9.]+ 秒内完成/);
  }, 60_000);

  it('stops a thread past its heap limit (413)', async () => {
    const workers = pool({ memoryMb: 48, timeoutMs: 60_000 });
    const body = '<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>'.repeat(400_000);
    const big = zipSync({
      'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`),
    });
    const refused = await caught(workers.parseReport(big, 'big.docx'));
    expect(refused?.code).toBe('too_large');
    expect(refused?.message).toMatch(/超出了处理时允许的内存/);
  }, 90_000);
});
