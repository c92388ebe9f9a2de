import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../domain/report/index.ts';
import { EXPECTED_DIR, loadSeeds } from '../../../test/support/seeds.ts';
import { runCli } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const seed = join(EXPECTED_DIR, `${loadSeeds()[3]!.id}.json`);

describe('gongkai report render', () => {
  it('writes each format to -o; the target follows --to or the file extension', async () => {
    for (const [args, file, magic] of [
      [['--to', 'docx'], 'r.bin', 'PK'],
      [[], 'r.xlsx', 'PK'],
      [[], 'r.html', '<!DOCTYPE html>'],
      [['--to', 'md'], 'r.txt', '# 湖南省卫生健康委'],
    ] as const) {
      const { code, out } = await cli('report', 'render', seed, ...args, '-o', join(dir, file));
      expect(code, file).toBe(0);
      expect(out).toContain('已生成');
      expect(readFileSync(join(dir, file)).toString('utf8').startsWith(magic), file).toBe(true);
    }
  });

  it('prints HTML or Markdown to standard output without -o; --findings adds the results', async () => {
    const { code, out } = await cli('report', 'render', seed, '--to', 'md', '--findings');
    expect(code).toBe(0);
    expect(out).toContain('## 核对结果');
    expect(out).toContain('**错误**');
  });

  it('usage errors: unknown target, binary target without -o, no target at all', async () => {
    expect((await cli('report', 'render', seed, '--to', 'odt')).err).toContain('不支持的输出格式“odt”');
    expect((await cli('report', 'render', seed, '--to', 'xlsx')).err).toContain('请用 -o 指定输出文件');
    const none = await cli('report', 'render', seed);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请用 --to 指定输出格式');
  });
});

describe('gongkai report template', () => {
  it('prints a blank report as JSON by default, in the format of the year', async () => {
    const { code, out } = await cli('report', 'template', '--year', '2020', '--agency', '某县卫生健康局');
    expect(code).toBe(0);
    const { report, findings } = decodeReport(JSON.parse(out));
    expect(findings).toEqual([]);
    expect(report).toMatchObject({ year: 2020, format: '2019', agency: '某县卫生健康局' });
    expect(report!.requests.total.total).toBeNull();
  });

  it('renders with --to and -o; --format overrides the year', async () => {
    const file = join(dir, 't.docx');
    expect((await cli('report', 'template', '--year', '2025', '--format', '2019', '-o', file)).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const { out } = await cli('report', 'template', '--year', '2025', '--format', '2019', '--to', 'md');
    expect(out).toContain('| （六）其他处理 |');
  });

  it('rejects a missing year and an unknown format', async () => {
    expect((await cli('report', 'template')).err).toContain('请用 --year 指定');
    expect((await cli('report', 'template', '--year', '2025', '--format', '2020')).err).toContain(
      '只能是 2019 或 2021',
    );
  });
});
