import { writeFile } from 'node:fs/promises';
import {
  formatForYear,
  isReportFormat,
  reportTemplate as blankReport,
  reportToJson,
} from '../../domain/report/index.ts';
import { RENDER_TARGETS } from '../../render/report/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { targetOf, writeRendered } from './report-render.ts';

export const reportTemplate: Command = {
  words: ['report', 'template'],
  summary:
    '生成某一年度的空白年度报告：JSON（默认，供填写后核对）或网页、Word、Excel、Markdown、PDF；格式默认按年度（2020 年及以前为 2019 年版，其后为 2021 年版）',
  usage:
    'gongkai report template --year 2025 [--format 2019|2021] [--agency NAME] [--to json|html|docx|xlsx|md|pdf] [-o OUT]',
  async run(args, io) {
    const { values } = parse(args, {
      year: { type: 'string' },
      format: { type: 'string' },
      agency: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (!values.year || !/^\d{4}$/.test(values.year))
      throw new UsageError('请用 --year 指定四位数的报告年度，如 --year 2025');
    const year = Number(values.year);
    if (values.format !== undefined && !isReportFormat(values.format))
      throw new UsageError(`格式“${values.format}”无法识别，只能是 2019 或 2021`);
    const format = values.format ?? formatForYear(year);
    const agency = values.agency?.trim() || null;
    const template = blankReport(year, format, agency);
    const json =
      values.to === 'json' || (values.to === undefined && (!values.output || /\.json$/i.test(values.output)));
    if (json) {
      if (!values.output) io.out(reportToJson(template));
      else {
        await writeFile(values.output, reportToJson(template));
        io.out(`已生成 ${values.output}\n`);
      }
      return 0;
    }
    const target = targetOf(values.to, values.output);
    if (!target)
      throw new UsageError(`无法从文件名判断输出格式，请用 --to 指定：json、${RENDER_TARGETS.join('、')}`);
    await writeRendered(template, target, values.output, io);
    return 0;
  },
};
