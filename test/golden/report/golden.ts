import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AnnualReport } from '../../../src/domain/report/index.ts';
import { decodeReport } from '../../../src/domain/report/index.ts';
import { loadSeeds } from '../../support/seeds.ts';

/**
 * Golden files of rendered reports (this folder). A test compares its output with the committed file and
 * fails on any difference; `UPDATE_GOLDEN=1 npx vitest run src/render` rewrites them — review the diff.
 */
export const GOLDEN_DIR = import.meta.dirname;
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATING) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`缺少 golden 文件 ${name}：用 UPDATE_GOLDEN=1 生成，检查后提交`);
  expect(actual, `${name} 与 golden 文件不同（有意的改动请用 UPDATE_GOLDEN=1 重新生成）`).toBe(
    readFileSync(path, 'utf8'),
  );
}

/** The five hand-checked seed reports (shared/reports/expected), decoded. */
export function seedReports(): { id: string; report: AnnualReport }[] {
  return loadSeeds().map(({ id, expected }) => {
    const { report } = decodeReport(expected);
    if (!report) throw new Error(`种子报告 ${id} 无法解析`);
    return { id, report };
  });
}
