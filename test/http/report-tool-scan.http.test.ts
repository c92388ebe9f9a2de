import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportHtml } from '../../src/import/index.ts';
import { fileUpload } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * A scanned PDF through HTTP (#13 point 9): uploaded to the public report checker, read by OCR in a document
 * worker, and shown to the person with what could not be confirmed named and left blank — never 0. The scan is
 * test/fixtures/import/scanned/gov-page-smudged.pdf (a blot over table 三's （二）部分公开 · 自然人 cell).
 */
const scan = readFileSync(join(import.meta.dirname, '../fixtures/import/scanned/gov-page-smudged.pdf'));
const SMUDGED = 'requests.partially_granted.natural';

describe('a scanned report uploaded to the public checker', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(() => t.close());

  it(
    'is read by OCR; the smudged cell is blank and named, not 0, and the report does not check out',
    { timeout: 300_000 },
    async () => {
      const page = await t.server.inject({
        method: 'POST',
        url: '/tools/report',
        ...fileUpload('年度报告扫描件.pdf', 'application/pdf', scan),
      });
      expect(page.statusCode).toBe(200);
      // the pages were scans, and the reader says so
      expect(page.body).toContain('第 1–4 页为扫描图片');
      // the smudged cell: an empty field for a person to fill, and a finding naming it
      expect(page.body).toContain(`name="cell:${SMUDGED}" value=""`);
      expect(page.body).not.toContain(`name="cell:${SMUDGED}" value="0"`);
      expect(page.body).toMatch(
        /表三“[^”]*部分公开[^”]*”行“自然人”列（扫描件第 3 页）：扫描识别结果未经表内关系核实，需人工核对/,
      );
      // table 四 (a page the smudge is not on): every number shown is the page's own; what OCR could not
      // confirm is blank — never another number
      const truth = parseReportHtml(
        readFileSync(join(import.meta.dirname, '../fixtures/import/gov-page.html'), 'utf8'),
      ).report;
      let read = 0;
      for (const [row, columns] of Object.entries(truth.appeals))
        for (const [column, value] of Object.entries(columns as Record<string, number | null>)) {
          const cell = `appeals.${row}.${column}`;
          const shown = new RegExp(`name="cell:${cell.replace(/\./g, '\\.')}" value="([^"]*)"`).exec(
            page.body,
          )?.[1];
          // a cell the page itself left blank (“—”) is blank here too
          const own = value === null ? '—' : String(value);
          expect([cell, shown === '' || shown === own]).toEqual([cell, true]);
          if (shown !== '' && value !== null) read++;
        }
      expect(read).toBeGreaterThan(0);
    },
  );
});
