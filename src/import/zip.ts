import { inflateRawSync } from 'node:zlib';
import { AppError } from '../domain/errors.ts';
import { documentLimits, inflatedTooLarge } from './limits.ts';

/**
 * Reading a ZIP container (DOCX, XLSX) without trusting it: the central directory is listed (at most
 * `maxZipEntries` entries), and only the parts asked for are inflated, each with a cap on the bytes it may
 * produce — the inflater stops as soon as the output passes what is left of the document's budget, so a part
 * that claims 1 KB and holds 1 GB costs 64 MB at most, never the gigabyte. Sizes the archive declares are
 * not believed.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

/** A damaged container: the reader's callers say which file could not be opened. */
const unreadable = (_what: string, why: string) => new Error(why);

/** The entries the central directory lists; a directory past the entry limit is refused (413). */
export function zipDirectory(bytes: Uint8Array, what: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw unreadable(what, '找不到中央目录');
  const count = view.getUint16(eocd + 10, true);
  const max = documentLimits().maxZipEntries;
  if (count > max)
    throw new AppError(
      'too_large',
      `${what}中有 ${count} 个文件，超过上限 ${max} 个，可能是压缩炸弹，已拒绝读取`,
      'file',
    );
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // names are UTF-8 when flag bit 11 says so; archives made on Chinese Windows write them in GBK
  const decodeName = (raw: Uint8Array, flags: number) => {
    if (flags & 0x800) return new TextDecoder('utf-8').decode(raw);
    try {
      return utf8.decode(raw);
    } catch {
      return new TextDecoder('gbk').decode(raw);
    }
  };
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw unreadable(what, '中央目录已损坏');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength), view.getUint16(p + 8, true)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes still allowed for a document's inflated parts. */
export interface InflateBudget {
  left: number;
}

export const newBudget = (): InflateBudget => ({ left: documentLimits().maxInflatedBytes });

/** Inflates one entry, charging its size to the budget; past the budget it stops and refuses (413). */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  what: string,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw unreadable(what, `“${entry.name}”的位置不对`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // maxOutputLength makes zlib stop inflating once the output passes it (ERR_BUFFER_TOO_LARGE)
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget.left + 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw inflatedTooLarge(what, documentLimits().maxInflatedBytes);
      throw unreadable(what, `“${entry.name}”无法解压`);
    }
  } else throw unreadable(what, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  if (out.length > budget.left) throw inflatedTooLarge(what, documentLimits().maxInflatedBytes);
  budget.left -= out.length;
  return out;
}

/** The named parts of a ZIP container (those present), inflated under one budget. */
export function readZipParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  what: string,
): Record<string, Uint8Array> {
  const budget = newBudget();
  const parts: Record<string, Uint8Array> = {};
  for (const entry of zipDirectory(bytes, what))
    if (wanted(entry.name)) parts[entry.name] = readZipEntry(bytes, entry, budget, what);
  return parts;
}

/** Inflates every entry, keeping nothing: a container passes only if all of it fits the budget. */
export function checkZipBudget(bytes: Uint8Array, what: string): void {
  const budget = newBudget();
  for (const entry of zipDirectory(bytes, what)) readZipEntry(bytes, entry, budget, what);
}
