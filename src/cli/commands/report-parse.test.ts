import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../domain/report/index.ts';
import { SEEDS_DIR, loadSeeds } from '../../../test/support/seeds.ts';
import { runCli } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const seedFile = (prefix: string) =>
  join(SEEDS_DIR, `${loadSeeds().find((s) => s.id.startsWith(prefix))!.id}.txt`);

describe('gongkai report parse', () => {
  it('prints the interchange JSON, then the import and validation findings; exit 1 on errors', async () => {
    const { code, out } = await cli('report', 'parse', seedFile('003'));
    expect(code).toBe(1);
    const json = out.slice(0, out.indexOf('\n}\n') + 3);
    const { report } = decodeReport(JSON.parse(json));
    expect(report?.requests.unable_not_held.natural).toBe(3);
    expect(out).toContain('format.year_mismatch');
    expect(out).toContain('table3.balance');
  });

  it('--json: one object with the report and the findings; -o writes the report to a file', async () => {
    const { code, out } = await cli('report', 'parse', seedFile('001'), '--json');
    expect(code).toBe(0);
    const { report, findings } = JSON.parse(out) as {
      report: Record<string, unknown>;
      findings: { code: string }[];
    };
    expect(report.schema).toBe('gongkai.annual-report/1');
    expect(findings.map((f) => f.code)).toContain('import.appeals.extra_cells');

    const target = join(dir, 'out.json');
    const written = await cli(
      'report',
      'parse',
      seedFile('001'),
      '-o',
      target,
      '--year',
      '2020',
      '--agency',
      '利通区卫生健康局',
    );
    expect(written.code).toBe(0);
    expect(written.out).toContain(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({
      agency: '利通区卫生健康局',
      year: 2020,
      format: '2019',
    });
  });

  it('a file that is not a report still yields a (blank) report and says why; bad options are usage errors', async () => {
    const junk = join(dir, 'junk.docx');
    writeFileSync(junk, 'not a zip');
    const { code, out } = await cli('report', 'parse', junk);
    expect(code).toBe(1);
    expect(out).toContain('import.file.mismatch');
    expect((await cli('report', 'parse', seedFile('001'), '--year', '20x0')).code).toBe(2);
    expect((await cli('report', 'parse', join(dir, 'missing.txt'))).err).toContain('无法读取文件');
  });
});
