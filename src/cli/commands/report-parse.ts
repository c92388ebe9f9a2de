import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { encodeReport, reportToJson, validateReport } from '../../domain/report/index.ts';
import { parseReportFile } from '../../import/index.ts';
import type { ParseOptions } from '../../import/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatFindings } from '../format-findings.ts';

export const reportParse: Command = {
  words: ['report', 'parse'],
  summary:
    '导入已发布的年度报告（.txt/.md/.html/.docx/.pdf），按法定表格结构读出表二、表三、表四和正文，输出交换格式 JSON 及导入与核对发现的问题；有错误时退出码为 1',
  usage: 'gongkai report parse FILE [--json] [--year Y] [--agency NAME] [-o OUT.json]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        json: { type: 'boolean' },
        year: { type: 'string' },
        agency: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      1,
    );
    const options: ParseOptions = {};
    if (values.year !== undefined) {
      if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位数年份，而不是“${values.year}”`);
      options.year = Number(values.year);
    }
    if (values.agency !== undefined) options.agency = values.agency;
    const path = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch {
      throw new Error(`无法读取文件 ${path}`);
    }
    const { report, findings: importFindings } = await parseReportFile(bytes, basename(path), options);
    const findings = [...importFindings, ...validateReport(report)];
    if (values.output) {
      await writeFile(values.output, reportToJson(report));
      io.out(
        values.json
          ? JSON.stringify(findings, null, 2) + '\n'
          : `已写入 ${values.output}\n${formatFindings(findings)}`,
      );
    } else if (values.json)
      io.out(JSON.stringify({ report: encodeReport(report), findings }, null, 1) + '\n');
    else io.out(`${reportToJson(report)}\n${formatFindings(findings)}`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
