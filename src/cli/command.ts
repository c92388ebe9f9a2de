/** A CLI command: `gongkai <words…> [options]`. Each lives in its own file under commands/. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  /** the words that select the command, e.g. ['report', 'validate'] */
  words: string[];
  /** one line for the help listing (Chinese) */
  summary: string;
  /** the usage line, e.g. 'gongkai report validate FILE.json [--previous LAST_YEAR.json]' */
  usage: string;
  /** returns the process exit code */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the usage line, exit code 2. */
export class UsageError extends Error {}
