import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

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
}

export const OPTIONAL_PARTS: readonly OptionalPart[] = [
  { command: 'soffice', debianPackage: 'libreoffice-writer-nogui', needs: '导出 PDF（报告、告知书）' },
  {
    command: 'tesseract',
    debianPackage: 'tesseract-ocr tesseract-ocr-chi-sim',
    needs: '扫描版 PDF 报告的文字识别',
  },
  { command: 'pdftoppm', debianPackage: 'poppler-utils', needs: '扫描版 PDF 报告的页面图像' },
];

/** Whether an executable of that name is on the PATH (no process is started). */
export function onPath(command: string, path = process.env.PATH ?? ''): boolean {
  return path
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The optional parts this machine lacks. */
export function missingOptionalParts(path?: string): OptionalPart[] {
  return OPTIONAL_PARTS.filter((part) => !onPath(part.command, path));
}

/** One line per missing part, for the start-up message. */
export function describeMissing(parts: readonly OptionalPart[]): string[] {
  return parts.map(
    (part) => `未安装 ${part.command}：${part.needs}不可用（安装：apt-get install ${part.debianPackage}）`,
  );
}
