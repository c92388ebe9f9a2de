import { writeFile } from 'node:fs/promises';
import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import {
  cellPath,
  encodeReport,
  markMissing,
  reportToJson,
  validateReport,
} from '../../domain/report/index.ts';
import { layoutCells, sumReports } from '../../domain/supervision/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatFindings } from '../format-findings.ts';
import { readReportFile } from '../read-report.ts';

/**
 * `gongkai report rollup FILE.json…`: report files rolled up into one report — every cell the sum of that cell
 * (blank where every report is blank; missing where any report's cell is missing: an unknown part makes the
 * sum unknown). Only reports of the first report's year and format are summed; each other one is a finding.
 */
export const reportRollup: Command = {
  words: ['report', 'rollup'],
  summary:
    '把多份报告（交换格式 JSON）汇总为一份：同一年度、同一格式的报告逐格相加，年度或格式不同的报告列为问题、不计入；输出汇总报告及核对结果',
  usage: 'gongkai report rollup FILE.json… [--agency NAME] [-o OUT.json] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { json: { type: 'boolean' }, agency: { type: 'string' }, output: { type: 'string', short: 'o' } },
      1,
    );
    const reports: { file: string; report: AnnualReport }[] = [];
    const findings: Finding[] = [];
    for (const file of positionals) {
      const read = await readReportFile(file);
      reports.push({ file, report: read.report });
    }
    const first = reports[0]!.report;
    if (first.year === null) throw new UsageError(`${reports[0]!.file} 没有报告年度，无法确定汇总的年度`);
    const included = reports.filter(({ file, report }) => {
      const reason =
        report.year !== first.year
          ? {
              code: 'rollup.year_mismatch',
              text: `是 ${report.year ?? '未注明'} 年度的，不是 ${first.year} 年度`,
            }
          : report.format !== first.format
            ? {
                code: 'rollup.format_mismatch',
                text: `采用 ${report.format} 年版格式，与 ${first.format} 年版的表格不能相加`,
              }
            : null;
      if (reason)
        findings.push({
          code: reason.code,
          severity: 'error',
          location: { table: 'meta' },
          actual: file,
          message: `${file}（${report.agency ?? '未注明机关'}）${reason.text}，未计入汇总。`,
        });
      return reason === null;
    });
    const total = sumReports(
      first.format,
      first.year,
      values.agency ?? null,
      included.map((r) => r.report),
    );
    const missing = layoutCells(first.format)
      .map((ref) => cellPath(ref))
      .filter((p) => included.some((r) => r.report.missing?.includes(p)));
    for (const p of missing) {
      const [table, row, column] = p.split('.') as ['active', string, string];
      (total[table] as unknown as Record<string, Record<string, number | null>>)[row]![column] = null;
    }
    markMissing(total, missing);
    const all = [...findings, ...validateReport(total)];
    const summary = `已汇总 ${included.length} 份报告（共 ${reports.length} 份），${first.year} 年度，${first.format} 年版格式。\n`;
    if (values.output) {
      await writeFile(values.output, reportToJson(total));
      io.out(
        values.json
          ? JSON.stringify(all, null, 2) + '\n'
          : `已写入 ${values.output}\n${summary}${formatFindings(all)}`,
      );
    } else if (values.json)
      io.out(
        JSON.stringify(
          { report: encodeReport(total), included: included.map((r) => r.file), findings: all },
          null,
          1,
        ) + '\n',
      );
    else io.out(`${reportToJson(total)}\n${summary}${formatFindings(all)}`);
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
