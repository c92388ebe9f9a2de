import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.ts';
import { ROOT } from './child-server.ts';
import { childEnv } from './environment.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `gongkai ARGS` in this process with the installation's environment (what an operator's shell would
 * have), restoring the environment afterwards.
 */
export async function gongkai(args: string[], env: Record<string, string>): Promise<CliRun> {
  const saved = { ...process.env };
  let out = '';
  let err = '';
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, childEnv(env));
  try {
    const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  } finally {
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** Runs the real `bin/gongkai.js` as a child process: exit code and output as a shell sees them. */
export function gongkaiProcess(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/gongkai.js'), ...args],
      { cwd: ROOT, env: childEnv(env), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}
