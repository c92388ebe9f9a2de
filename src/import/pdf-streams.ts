import { inflateSync } from 'node:zlib';
import { documentLimits, inflatedTooLarge } from './limits.ts';

/**
 * The flate streams of a PDF, inflated once before the PDF library sees the file, to learn what they decode
 * to — without keeping it: each stream marked /FlateDecode (also when the filter is applied more than once)
 * is inflated with zlib stopping at what is left of the document's budget. A 300 KB file whose streams decode
 * to gigabytes is refused (413) after at most `maxInflatedBytes` of work, instead of being decoded by pdfjs in
 * memory. Damaged streams are skipped: pdfjs reports them itself. Returns the bytes the streams decode to.
 */

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');
/** how far before `stream` the stream's dictionary is looked for */
const DICT_WINDOW = 2048;

/** How many times the filter applies FlateDecode in a row from the start (`/Filter /FlateDecode`, `[/Fl /Fl]`). */
export function flateLayers(dict: string): number {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return 0;
  const names = m[1]!.match(/\/[A-Za-z0-9]+/g) ?? [];
  let n = 0;
  for (const name of names) {
    if (name !== '/FlateDecode' && name !== '/Fl') break;
    n++;
  }
  return n;
}

export function pdfDecodedBytes(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limit = documentLimits().maxInflatedBytes;
  let left = limit;
  let at = 0;
  for (;;) {
    const s = buf.indexOf(STREAM, at);
    if (s === -1) break;
    at = s + STREAM.length;
    if (s >= 3 && buf.toString('latin1', s - 3, s) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END, start);
    if (end === -1) break;
    at = end + END.length;
    const before = buf.toString('latin1', Math.max(0, s - DICT_WINDOW), s);
    const dict = before.slice(before.lastIndexOf('obj') + 1);
    let layers = flateLayers(dict);
    let data: Buffer = buf.subarray(start, end);
    while (layers-- > 0) {
      try {
        data = inflateSync(data, {
          maxOutputLength: Math.max(1, left + 1),
          finishFlush: 2 /* Z_SYNC_FLUSH */,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw inflatedTooLarge('PDF 文件中的压缩数据', limit);
        break; // damaged: pdfjs reports it
      }
      if (data.length > left) throw inflatedTooLarge('PDF 文件中的压缩数据', limit);
      left -= data.length;
    }
  }
  return limit - left;
}
