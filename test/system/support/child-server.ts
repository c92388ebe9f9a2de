import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childEnv } from './environment.ts';

export const ROOT = join(import.meta.dirname, '../../..');

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The real server (`node bin/server.js`, what `npm start` runs) as a child process. */
export interface ChildServer {
  pid: number;
  port: number;
  url: string;
  process: ChildProcess;
  /** resolves once the server prints that it listens; rejects if it exits first or takes too long */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** resident memory in kB (VmRSS of /proc/<pid>/status), null once the process is gone */
  rssKb(): number | null;
  output(): string;
}

export async function startChildServer(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number; port?: number } = {},
): Promise<ChildServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [join(ROOT, 'bin/server.js')], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server not ready after ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`)),
      options.readyTimeoutMs ?? 30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Gongkai 已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  ready.catch(() => undefined);
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    ready,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    rssKb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
        return m ? Number(m[1]) : null;
      } catch {
        return null;
      }
    },
    output: () => output,
  };
}

/** Stops a child server the way an operator does (SIGTERM: close the HTTP server and the database). */
export async function stopChildServer(server: ChildServer): Promise<void> {
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await server.exited;
  clearTimeout(timer);
}
