import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** What the console bundle is built from: its own sources and the pure modules it imports. */
const SOURCES = ['src/console', 'src/domain', 'src/render/report/layout', 'vite.config.ts'];
const BUILT = join(ROOT, 'dist/console/index.html');

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

/**
 * Builds the console (vite build) when dist/console is missing or older than its sources; the server reads
 * dist/console when it starts, so call this before startTestServer.
 */
export function ensureConsoleBuilt(): void {
  const sources = Math.max(...SOURCES.filter((s) => existsSync(join(ROOT, s))).map(newest));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
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
}
