import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** What the console bundle is built from: its own sources and the pure modules it imports. */
const SOURCES = [
  'src/console',
  'src/domain',
  'src/render/report/layout',
  'src/render/report/findings.ts',
  'vite.config.ts',
];
const BUILT = join(ROOT, 'dist/console/index.html');
/** Test files run in parallel: one builds, the others wait for it. */
const LOCK = join(ROOT, 'dist/.console-build.lock');

function newest(path: string): number {
  const full = join(ROOT, path);
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name.endsWith('.test.ts')) continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

const fresh = () => {
  const sources = Math.max(...SOURCES.filter((s) => existsSync(join(ROOT, s))).map(newest));
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the console (vite build) when dist/console is missing or older than its sources; the server reads
 * dist/console when it starts, so call this before startTestServer.
 */
export function ensureConsoleBuilt(): void {
  // a clean clone has no dist/ yet: without it the lock could never be taken
  mkdirSync(dirname(LOCK), { recursive: true });
  const giveUp = Date.now() + 300_000;
  for (;;) {
    if (fresh()) return;
    if (Date.now() > giveUp) throw new Error(`the console was not built within 5 minutes (lock ${LOCK})`);
    let fd: number;
    try {
      fd = openSync(LOCK, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // another test file is building: wait (a lock older than two minutes is left over from a crash)
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { force: true });
      sleep(500);
      continue;
    }
    try {
      if (!fresh())
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
          {
            cwd: ROOT,
            stdio: 'inherit',
            // vitest sets NODE_ENV=test, which would make React and Ant Design build their test variants
            env: { ...process.env, NODE_ENV: 'production' },
          },
        );
      return;
    } finally {
      closeSync(fd);
      rmSync(LOCK, { force: true });
    }
  }
}
