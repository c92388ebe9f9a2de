import type { Finding } from '../domain/report/index.ts';
import type { InputKind } from './types.ts';

/**
 * What a file is, from its bytes first and its name second: a ZIP is a .docx, "%PDF-" a PDF, an OLE compound
 * file an old binary Word .doc (not supported); otherwise text — UTF-8, UTF-16 with a byte-order mark, or
 * GB 18030 (GBK) as Chinese Windows saves it — read as HTML when it looks like markup, Markdown by name.
 */
export type Sniffed =
  | { kind: 'docx' | 'pdf' }
  | { kind: 'text' | 'markdown' | 'html'; text: string }
  | { kind: 'unsupported'; what: string };

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8（含无法识别的字节）' };
    }
  }
}

/** The share of characters that are control characters or replacement characters: binary content. */
export function garbageRatio(text: string): number {
  if (text.length === 0) return 0;
  // eslint-disable-next-line no-control-regex
  const bad = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g);
  return (bad?.length ?? 0) / text.length;
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

export function sniff(bytes: Uint8Array, filename: string): Sniffed {
  const ext = extension(filename);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'docx' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return { kind: 'unsupported', what: '旧版 Word（.doc）或 Excel（.xls）二进制文件' };
  const { text } = decodeText(bytes);
  if (garbageRatio(text.slice(0, 65536)) > 0.05)
    return {
      kind: 'unsupported',
      what:
        ext === 'docx' || ext === 'pdf'
          ? `扩展名为 .${ext} 但内容不是 ${ext === 'pdf' ? 'PDF' : 'Word'} 文件的二进制数据`
          : '无法识别的二进制文件',
    };
  const start = text.slice(0, 4096);
  if (ext === 'html' || ext === 'htm' || /<(!doctype\s+html|html|body|table|div|p)[\s>]/i.test(start))
    return { kind: 'html', text };
  if (ext === 'md' || ext === 'markdown') return { kind: 'markdown', text };
  return { kind: 'text', text };
}

const EXPECTED: Record<string, InputKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** A warning when the file name promises one kind of document and the content is another. */
export function nameMismatch(filename: string, actual: InputKind): Finding | null {
  const ext = extension(filename);
  const expected = EXPECTED[ext];
  if (!expected || expected === actual || (expected === 'text' && actual === 'markdown')) return null;
  return {
    code: 'import.file.mismatch',
    severity: 'warning',
    location: { table: 'meta' },
    expected,
    actual,
    message: `文件名“${filename}”的扩展名是 .${ext}，但内容是 ${LABEL[actual]}，已按内容读取。`,
  };
}

const LABEL: Record<InputKind, string> = {
  text: '纯文本',
  markdown: 'Markdown 文本',
  html: '网页（HTML）',
  docx: 'Word 文档（.docx）',
  pdf: 'PDF 文件',
};
