import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AnnualReport } from '../../domain/report/index.ts';
import { validateReport } from '../../domain/report/index.ts';
import type { RenderTarget } from '../../render/report/index.ts';
import { isRenderTarget, renderReport, RENDER_TARGETS, TARGET_EXTENSION } from '../../render/report/index.ts';
import { parse } from '../args.ts';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatFindings } from '../format-findings.ts';
import { readReportFile } from '../read-report.ts';

const TEXT_TARGETS: readonly RenderTarget[] = ['html', 'md'];

/** The target named by --to, or else by the extension of -o (report.docx → docx); null when neither says. */
export function targetOf(to: string | undefined, output: string | undefined): RenderTarget | null {
  if (to !== undefined) {
    if (!isRenderTarget(to))
      throw new UsageError(`不支持的输出格式“${to}”，可选：${RENDER_TARGETS.join('、')}`);
    return to;
  }
  const ext = output ? extname(output).toLowerCase() : '';
  const byExtension = RENDER_TARGETS.find(
    (t) => TARGET_EXTENSION[t] === ext || (t === 'html' && ext === '.htm'),
  );
  return byExtension ?? null;
}

/** Renders and writes to OUT, or to standard output for HTML and Markdown when no -o is given. */
export async function writeRendered(
  report: AnnualReport,
  target: RenderTarget,
  output: string | undefined,
  io: CliIo,
  withFindings = false,
): Promise<void> {
  if (!output && !TEXT_TARGETS.includes(target))
    throw new UsageError(`${target} 是二进制格式，请用 -o 指定输出文件`);
  const bytes = await renderReport(report, target, withFindings ? { findings: validateReport(report) } : {});
  if (!output) {
    io.out(bytes.toString('utf8'));
    return;
  }
  await writeFile(output, bytes);
  io.out(`已生成 ${output}（${bytes.length} 字节）\n`);
}

export const reportRender: Command = {
  words: ['report', 'render'],
  summary:
    '将年度报告（JSON）排版为网页、Word、Excel、Markdown 或 PDF，表格按国办规定格式合并单元格；--findings 附上核对结果并标出有问题的单元格',
  usage: 'gongkai report render FILE.json --to html|docx|xlsx|md|pdf [-o OUT] [--findings]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { to: { type: 'string' }, output: { type: 'string', short: 'o' }, findings: { type: 'boolean' } },
      1,
    );
    const target = targetOf(values.to, values.output);
    if (!target) throw new UsageError(`请用 --to 指定输出格式：${RENDER_TARGETS.join('、')}`);
    const { report, findings } = await readReportFile(positionals[0]!);
    if (findings.length > 0) io.err(formatFindings(findings));
    await writeRendered(report, target, values.output, io, values.findings === true);
    return 0;
  },
};
