import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Golden files of rendered letters (this folder): one fixed input per kind, as HTML and as the DOCX's
 * word/document.xml. A test fails on any difference; `UPDATE_GOLDEN=1 npx vitest run src/render/letters`
 * rewrites them — review the diff before committing.
 */
const GOLDEN_DIR = import.meta.dirname;
const UPDATING = process.env.UPDATE_GOLDEN === '1';

export function expectLetterGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATING) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`缺少 golden 文件 ${name}：用 UPDATE_GOLDEN=1 生成，检查后提交`);
  expect(actual, `${name} 与 golden 文件不同（有意的改动请用 UPDATE_GOLDEN=1 重新生成）`).toBe(readFileSync(path, 'utf8'));
}
