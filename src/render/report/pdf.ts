import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../domain/errors.ts';
import { OPTIONAL_PARTS, partPresent } from '../../optional-parts.ts';

export interface PdfOptions {
  /** the LibreOffice executable (default: soffice on the PATH) */
  soffice?: string;
  /** give up after this many milliseconds (default 120 s) */
  timeoutMs?: number;
  /** extra environment for LibreOffice (the letters' private fontconfig, FONTCONFIG_FILE) */
  env?: Record<string, string>;
}

const run = (file: string, args: string[], timeout: number, env?: Record<string, string>) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const extra = env ? { env: { ...process.env, ...env } } : {};
    execFile(file, args, { timeout, windowsHide: true, ...extra }, (error, stdout, stderr) =>
      error ? reject(Object.assign(error, { stderr: String(stderr) })) : resolve({ stdout, stderr }),
    );
  });

/** LibreOffice is an optional part (see src/optional-parts.ts): without it PDF is refused, naming the package. */
export const libreOfficeMissing = (soffice: string, module?: 'Writer') =>
  new AppError(
    'unavailable',
    (module
      ? `服务器的 LibreOffice 缺少 Writer 组件（${soffice} 无法读取 Word 文档），无法生成 PDF：`
      : `服务器未安装 LibreOffice（未找到 ${soffice}），无法生成 PDF：`) +
      `请管理员安装 Debian 软件包 libreoffice-writer-nogui（apt-get install libreoffice-writer-nogui），或改为导出 Word 文档。`,
  );

const LIBREOFFICE = OPTIONAL_PARTS.find((part) => part.command === 'soffice')!;
/** Whether this soffice has the Writer module beside it (what reads the DOCX). */
const writerPresent = (soffice: string) => partPresent({ ...LIBREOFFICE, command: soffice });

/**
 * Converts a DOCX document to PDF with LibreOffice (`soffice --headless --convert-to pdf`). Each call runs
 * with a fresh LibreOffice profile in its own temporary directory, so concurrent conversions do not clash.
 */
export async function docxToPdf(docx: Uint8Array, options: PdfOptions = {}): Promise<Buffer> {
  const soffice = options.soffice ?? 'soffice';
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    try {
      await run(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        options.timeoutMs ?? 120_000,
        options.env,
      );
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
      if (e.code === 'ENOENT') throw libreOfficeMissing(soffice);
      if (!writerPresent(soffice)) throw libreOfficeMissing(soffice, 'Writer');
      if (e.killed) throw new Error('LibreOffice 转换 PDF 超时，请稍后重试。');
      throw new Error(`LibreOffice 转换 PDF 失败：${(e.stderr ?? e.message).trim()}`);
    }
    try {
      return await readFile(join(dir, 'report.pdf'));
    } catch {
      // soffice without its Writer module (libreoffice-core-nogui left behind) cannot load a DOCX at all
      if (!writerPresent(soffice)) throw libreOfficeMissing(soffice, 'Writer');
      throw new Error('LibreOffice 未生成 PDF 文件，请检查 Word 文档是否完好。');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
