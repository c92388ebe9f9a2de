import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../../domain/report/index.ts';
import { reportToJson } from '../../domain/report/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { BulkDocument, CellCounts } from '../../import/bulk.ts';
import { isBulkKind, MAX_BULK_FILES, readBulkDocument, unpackZip } from '../../import/bulk.ts';
import { parseReportFile } from '../../import/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

/**
 * `gongkai report import-dir DIR|FILE.zip`: every report document of a folder or a zip (a year's reports of a
 * subtree, as collected) read by the importer, one result per file — the agency and year read, the cells
 * read, blank and missing, the errors and warnings — and, with -o, the interchange JSON of each written to
 * OUT_DIR under the document's name. Re-running over the same files writes the same files (idempotent) and
 * says which changed. The reading is src/import/bulk.ts, the same as the supervisor's bulk upload.
 */
async function documents(path: string): Promise<BulkDocument[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`无法读取 ${path}`);
  }
  if (info.isDirectory()) {
    const names = (await readdir(path, { recursive: true })).map(String).filter(isBulkKind).sort();
    if (names.length > MAX_BULK_FILES) throw new UsageError(`目录中的报告文件超过 ${MAX_BULK_FILES} 个`);
    return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(path, name)) })));
  }
  if (!/\.zip$/i.test(path)) throw new UsageError(`${path} 不是目录，也不是 .zip 压缩包`);
  try {
    return unpackZip(await readFile(path), ` ${path} `);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}

export interface FileResult {
  file: string;
  agency: string | null;
  year: number | null;
  format: string;
  cells: CellCounts;
  errors: number;
  warnings: number;
  findings: Finding[];
  output?: string;
  changed?: boolean;
}

export const reportImportDir: Command = {
  words: ['report', 'import-dir'],
  summary:
    '批量导入一个目录或 .zip 压缩包中的年度报告（.txt/.md/.html/.docx/.pdf/.json），逐个文件列出读到的机关、年度、读取的单元格和发现的问题；-o 写出每份报告的交换格式 JSON（重复运行结果相同）；有错误时退出码为 1',
  usage: 'gongkai report import-dir DIR|FILE.zip [-o OUT_DIR] [--year Y] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { output: { type: 'string', short: 'o' }, year: { type: 'string' }, json: { type: 'boolean' } },
      1,
    );
    let year: number | undefined;
    if (values.year !== undefined) {
      if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位数年份，而不是“${values.year}”`);
      year = Number(values.year);
    }
    const docs = await documents(positionals[0]!);
    if (docs.length === 0)
      throw new UsageError(`${positionals[0]} 中没有报告文件（.txt/.md/.html/.docx/.pdf/.json）`);
    if (values.output) await mkdir(values.output, { recursive: true });
    const results: FileResult[] = [];
    const names = new Set<string>();
    for (const doc of docs) {
      const read = await readBulkDocument(doc, year !== undefined ? { year } : {}, parseReportFile);
      const result: FileResult = {
        file: doc.name,
        agency: read.agency,
        year: read.year,
        format: read.format,
        cells: read.cells,
        errors: read.errors,
        warnings: read.warnings,
        findings: read.findings,
      };
      if (values.output) {
        let name = `${doc.name.replace(/[\\/]/g, '__').replace(/\.[^.]+$/, '')}.json`;
        for (let i = 2; names.has(name); i++) name = name.replace(/(?:~\d+)?\.json$/, `~${i}.json`);
        names.add(name);
        const out = join(values.output, name);
        const json = reportToJson(read.report);
        const before = await readFile(out, 'utf8').catch(() => null);
        result.output = out;
        result.changed = before !== json;
        if (result.changed) await writeFile(out, json);
      }
      results.push(result);
    }
    if (values.json) io.out(JSON.stringify(results, null, 1) + '\n');
    else {
      for (const r of results)
        io.out(
          `${r.errors > 0 ? '✗' : '✓'} ${r.file}  ${r.agency ?? '（未读到机关）'} ${r.year ?? '（未读到年度）'} ${r.format} 年版  ` +
            `读取 ${r.cells.read}/${r.cells.total} 个单元格（空白 ${r.cells.blank}，无法读取 ${r.cells.missing}）  ${r.errors} 个错误、${r.warnings} 个警告` +
            (r.output ? `  → ${r.output}${r.changed ? '' : '（未变）'}` : '') +
            '\n' +
            r.findings
              .filter((f) => f.severity === 'error')
              .slice(0, 5)
              .map((f) => `    错误 ${f.code}：${f.message}\n`)
              .join(''),
        );
      const failed = results.filter((r) => r.errors > 0).length;
      io.out(`\n共 ${results.length} 个文件，${results.length - failed} 个无错误，${failed} 个有错误。\n`);
    }
    return results.some((r) => r.errors > 0) ? 1 : 0;
  },
};
