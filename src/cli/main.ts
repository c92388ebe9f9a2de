import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';

/** `gongkai …`: finds the command whose words match the longest prefix of the arguments and runs it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const match = commands
    .filter((c) => c.words.every((w, i) => argv[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!match || argv.includes('--help') || argv.includes('-h')) {
    if (match) {
      io.out(`用法：${match.usage}\n${match.summary}\n`);
      return 0;
    }
    io.out(help(commands));
    return argv.length === 0 || argv[0] === 'help' || argv.includes('--help') ? 0 : 2;
  }
  try {
    return await match.run(argv.slice(match.words.length), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`错误：${error.message}\n用法：${match.usage}\n`);
      return 2;
    }
    io.err(`错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function help(list: readonly Command[]): string {
  const lines = list.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `gongkai — 政府信息公开工作系统\n\n命令：\n${lines.join('\n')}\n`;
}
