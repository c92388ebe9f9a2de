import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared seed reports: /work/shared/reports/{seeds,expected} (or SHARED_DIR). */
export const SHARED_DIR = process.env.SHARED_DIR ?? join(import.meta.dirname, '../../../shared');
export const EXPECTED_DIR = join(SHARED_DIR, 'reports/expected');
export const SEEDS_DIR = join(SHARED_DIR, 'reports/seeds');

export interface Seed {
  id: string;
  text: string;
  expected: Record<string, unknown>;
}

export function loadSeeds(): Seed[] {
  return readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      return {
        id,
        expected: JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as Record<string, unknown>,
        text: readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'),
      };
    });
}
