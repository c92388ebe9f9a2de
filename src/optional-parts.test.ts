import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeMissing, missingOptionalParts, OPTIONAL_PARTS, onPath } from './optional-parts.ts';

describe('optional parts', () => {
  const empty = mkdtempSync(join(tmpdir(), 'gongkai-path-'));
  const withSoffice = mkdtempSync(join(tmpdir(), 'gongkai-path-'));
  writeFileSync(join(withSoffice, 'soffice'), '#!/bin/sh\n');
  chmodSync(join(withSoffice, 'soffice'), 0o755);
  writeFileSync(join(withSoffice, 'tesseract'), 'not executable');
  afterAll(() => {
    rmSync(empty, { recursive: true, force: true });
    rmSync(withSoffice, { recursive: true, force: true });
  });

  it('finds only executables on the PATH', () => {
    expect(onPath('soffice', withSoffice)).toBe(true);
    expect(onPath('tesseract', withSoffice)).toBe(false);
    expect(onPath('soffice', empty)).toBe(false);
  });

  it('names every missing part with the Debian package that installs it', () => {
    expect(missingOptionalParts(empty)).toEqual(OPTIONAL_PARTS);
    expect(missingOptionalParts(withSoffice).map((p) => p.command)).not.toContain('soffice');
    const lines = describeMissing(missingOptionalParts(empty));
    expect(lines[0]).toBe(
      '未安装 soffice：导出 PDF（报告、告知书）不可用（安装：apt-get install libreoffice-writer-nogui）',
    );
    expect(lines).toHaveLength(OPTIONAL_PARTS.length);
  });
});
