import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

/**
 * The parts of an installation that Gongkai uses when they are there and does without when they are not: the
 * server serves everything else, and the features that need a missing part answer with a message naming the
 * Debian package that provides it. `npm start` prints the missing ones at boot.
 */
export interface OptionalPart {
  /** the program looked for on the PATH */
  command: string;
  /** the Debian package that installs it */
  debianPackage: string;
  /** what does without it, in Chinese */
  needs: string;
  /**
   * a file beside the program's real path that the part needs as well: `apt-get remove libreoffice-writer-nogui`
   * leaves soffice (from libreoffice-core-nogui) on the PATH without the Writer module that reads DOCX
   */
  beside?: string;
}

export const OPTIONAL_PARTS: readonly OptionalPart[] = [
  {
    command: 'soffice',
    debianPackage: 'libreoffice-writer-nogui',
    needs: '导出 PDF（报告、告知书）',
    beside: 'libswlo.so',
  },
  {
    command: 'tesseract',
    debianPackage: 'tesseract-ocr tesseract-ocr-chi-sim',
    needs: '扫描版 PDF 报告的文字识别',
  },
  { command: 'pdftoppm', debianPackage: 'poppler-utils', needs: '扫描版 PDF 报告的页面图像' },
];

/** Where an executable of that name is on the PATH (or the name itself when absolute), or null (no process is started). */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  const candidates = isAbsolute(command)
    ? [command]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether an executable of that name is on the PATH. */
export function onPath(command: string, path?: string): boolean {
  return findOnPath(command, path) !== null;
}

/** Whether the part is installed whole: its program on the PATH and the file it needs beside its real path. */
export function partPresent(part: OptionalPart, path?: string): boolean {
  const found = findOnPath(part.command, path);
  if (!found) return false;
  if (!part.beside) return true;
  try {
    return existsSync(join(dirname(realpathSync(found)), part.beside));
  } catch {
    return false;
  }
}

/** The optional parts this machine lacks. */
export function missingOptionalParts(path?: string): OptionalPart[] {
  return OPTIONAL_PARTS.filter((part) => !partPresent(part, path));
}

/** One line per missing part, for the start-up message. */
export function describeMissing(parts: readonly OptionalPart[], path?: string): string[] {
  return parts.map((part) => {
    const what =
      part.beside && onPath(part.command, path)
        ? `${part.command} 缺少组件 ${part.beside}`
        : `未安装 ${part.command}`;
    return `${what}：${part.needs}不可用（安装：apt-get install ${part.debianPackage}）`;
  });
}
