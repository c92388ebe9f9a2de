import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../domain/report/index.ts';
import { runCli } from '../main.ts';

const CORPUS = join(import.meta.dirname, '../../../test/fixtures/import/corpus');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const FILES = ['pipe-2021.md', 'plain-2021.txt', 'truncated-2021.txt'];

describe('gongkai report import-dir and rollup (#13 point 10)', () => {
  const zip = join(dir, 'reports.zip');
  writeFileSync(
    zip,
    zipSync(
      Object.fromEntries(FILES.map((f) => [`区县/${f}`, new Uint8Array(readFileSync(join(CORPUS, f)))])),
    ),
  );
  const out = join(dir, 'out');

  it('imports every report of a zip with a result per file; exit 1 when one has errors', async () => {
    const { code, out: text } = await cli('report', 'import-dir', zip, '-o', out, '--json');
    expect(code).toBe(1);
    const results = JSON.parse(text) as {
      file: string;
      agency: string;
      cells: { read: number; missing: number };
      errors: number;
    }[];
    expect(results.map((r) => [r.file, r.agency, r.cells.read, r.cells.missing, r.errors > 0])).toEqual([
      ['区县/pipe-2021.md', '某市某区卫生健康局', 200, 0, false],
      ['区县/plain-2021.txt', '某市某区卫生健康局', 200, 0, false],
      ['区县/truncated-2021.txt', '某市某区卫生健康局', 97, 103, true],
    ]);
    expect(readdirSync(out).sort()).toEqual([
      '区县__pipe-2021.json',
      '区县__plain-2021.json',
      '区县__truncated-2021.json',
    ]);
  });

  it('is idempotent: a re-run writes the same files and says nothing changed', async () => {
    const before = readFileSync(join(out, '区县__pipe-2021.json'), 'utf8');
    const { out: text } = await cli('report', 'import-dir', zip, '-o', out);
    expect(text.match(/（未变）/g)).toHaveLength(3);
    expect(readFileSync(join(out, '区县__pipe-2021.json'), 'utf8')).toBe(before);
  });

  it('rolls up report files: cells summed, a cell missing in one is missing in the sum, another year is refused', async () => {
    const other = JSON.parse(readFileSync(join(out, '区县__plain-2021.json'), 'utf8'));
    writeFileSync(join(dir, 'other-year.json'), JSON.stringify({ ...other, year: 2022 }));
    const { code, out: text } = await cli(
      'report',
      'rollup',
      join(out, '区县__pipe-2021.json'),
      join(out, '区县__plain-2021.json'),
      join(out, '区县__truncated-2021.json'),
      join(dir, 'other-year.json'),
      '--json',
    );
    expect(code).toBe(1);
    const result = JSON.parse(text) as { report: unknown; included: string[]; findings: { code: string }[] };
    const report = decodeReport(result.report).report!;
    expect(result.included).toHaveLength(3);
    expect(report.requests.granted.natural).toBe(360);
    expect(report.requests.total.natural).toBeNull();
    expect(report.missing).toContain('requests.total.natural');
    expect(result.findings.map((f) => f.code)).toContain('rollup.year_mismatch');
  });
});
