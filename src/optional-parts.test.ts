import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeMissing, missingOptionalParts, OPTIONAL_PARTS, onPath } from './optional-parts.ts';

describe('optional parts', () => {
  const empty = mkdtempSync(join(tmpdir(), 'gongkai-path-'));
  const withSoffice = mkdtempSync(join(tmpdir(), 'gongkai-path-'));
  writeFileSync(join(withSoffice, 'soffice'), '#!/bin/sh\n');
  chmodSync(join(withSoffice, 'soffice'), 0o755);
  writeFileSync(join(withSoffice, 'libswlo.so'), '');
  // what `apt-get remove libreoffice-writer-nogui` leaves: soffice (a link into program/) without the Writer module
  const coreOnly = mkdtempSync(join(tmpdir(), 'gongkai-path-'));
  mkdirSync(join(coreOnly, 'program'));
  writeFileSync(join(coreOnly, 'program', 'soffice'), '#!/bin/sh\n');
  chmodSync(join(coreOnly, 'program', 'soffice'), 0o755);
  mkdirSync(join(coreOnly, 'bin'));
  symlinkSync(join(coreOnly, 'program', 'soffice'), join(coreOnly, 'bin', 'soffice'));
  writeFileSync(join(withSoffice, 'tesseract'), 'not executable');
  afterAll(() => {
    rmSync(empty, { recursive: true, force: true });
    rmSync(withSoffice, { recursive: true, force: true });
    rmSync(coreOnly, { recursive: true, force: true });
  });

  it('counts LibreOffice as missing when soffice is there without its Writer module, and says so', () => {
    const bin = join(coreOnly, 'bin');
    expect(onPath('soffice', bin)).toBe(true);
    expect(missingOptionalParts(bin).map((p) => p.command)).toContain('soffice');
    expect(describeMissing(missingOptionalParts(bin), bin)[0]).toBe(
      'soffice 缺少组件 libswlo.so：导出 PDF（报告、告知书）不可用（安装：apt-get install libreoffice-writer-nogui）',
    );
    writeFileSync(join(coreOnly, 'program', 'libswlo.so'), '');
    expect(missingOptionalParts(bin).map((p) => p.command)).not.toContain('soffice');
  });

  it('finds only executables on the PATH', () => {
    expect(onPath('soffice', withSoffice)).toBe(true);
    expect(onPath('tesseract', withSoffice)).toBe(false);
    expect(onPath('soffice', empty)).toBe(false);
  });

  it('names every missing part with the Debian package that installs it', () => {
    expect(missingOptionalParts(empty)).toEqual(OPTIONAL_PARTS);
    expect(missingOptionalParts(withSoffice).map((p) => p.command)).not.toContain('soffice');
    const lines = describeMissing(missingOptionalParts(empty), empty);
    expect(lines[0]).toBe(
      '未安装 soffice：导出 PDF（报告、告知书）不可用（安装：apt-get install libreoffice-writer-nogui）',
    );
    expect(lines).toHaveLength(OPTIONAL_PARTS.length);
  });
});
