import { validateReport } from '../../domain/report/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { formatFindings } from '../format-findings.ts';
import { readReportFile } from '../read-report.ts';

export const reportValidate: Command = {
  words: ['report', 'validate'],
  summary:
    '核对年度报告（JSON）：表格勾稽关系、空白与非法单元格、格式与年度、跨年度衔接、正文数字；有错误时退出码为 1',
  usage: 'gongkai report validate FILE.json [--previous LAST_YEAR.json] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { previous: { type: 'string' }, json: { type: 'boolean' } },
      1,
    );
    const { report, findings: decodeFindings } = await readReportFile(positionals[0]!);
    const previous = values.previous ? (await readReportFile(values.previous)).report : null;
    const findings = [...decodeFindings, ...validateReport(report, { previous })];
    io.out(values.json ? JSON.stringify(findings, null, 2) + '\n' : formatFindings(findings));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
