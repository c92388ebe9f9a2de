/**
 * One face of an OpenType font collection (.ttc / .otc) as a font file of its own. Debian's fonts-noto-cjk
 * ships Noto Serif CJK as one collection whose faces JP (index 0), KR, SC, TC share their outlines and differ
 * in their cmap (which glyph a code point gets: 直, 骨, 写 are drawn differently in Japan and in China).
 * The faces share one CFF table, whose PostScript names are the JP face's: LibreOffice's PDF export embeds the SC
 * glyphs as “NotoSerifCJKjp-Regular”. Given the SC face as a file of its own, with those names saying sc, the PDF
 * names the face it holds. Pure: bytes in, bytes out.
 */
const u16 = (b: Buffer, i: number) => b.readUInt16BE(i);
const u32 = (b: Buffer, i: number) => b.readUInt32BE(i);

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word =
      ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The face `index` of the collection as an sfnt file. `rename` replaces, in the CFF table only, byte strings of
 * equal length (the PostScript names the shared CFF carries, e.g. CJKjp → CJKsc), so that the PDF names the
 * face it embeds truthfully; offsets do not move.
 */
export function extractCollectionFace(
  collection: Buffer,
  index: number,
  rename: readonly [from: string, to: string][] = [],
): Buffer {
  if (collection.toString('latin1', 0, 4) !== 'ttcf')
    throw new Error('不是 OpenType 字体集（缺少 ttcf 标记）');
  const faces = u32(collection, 8);
  if (index < 0 || index >= faces) throw new Error(`字体集只有 ${faces} 个字体，没有第 ${index} 个`);
  const dir = u32(collection, 12 + 4 * index);
  const flavor = collection.subarray(dir, dir + 4);
  const count = u16(collection, dir + 4);
  const tables: { tag: string; data: Buffer }[] = [];
  for (let t = 0; t < count; t++) {
    const rec = dir + 12 + 16 * t;
    const tag = collection.toString('latin1', rec, rec + 4);
    const offset = u32(collection, rec + 8);
    const length = u32(collection, rec + 12);
    const data = Buffer.from(collection.subarray(offset, offset + length));
    if (tag === 'CFF ')
      for (const [from, to] of rename) {
        if (from.length !== to.length) throw new Error('CFF 中的名称只能换成等长的名称');
        const f = Buffer.from(from, 'latin1');
        for (let i = data.indexOf(f); i >= 0; i = data.indexOf(f, i + f.length)) data.write(to, i, 'latin1');
      }
    if (tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment, computed below
    tables.push({ tag, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const headerSize = 12 + 16 * tables.length;
  const pad = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((n, t) => n + pad(t.data.length), headerSize);
  const out = Buffer.alloc(total);
  flavor.copy(out, 0);
  let power = 1;
  let log = 0;
  while (power * 2 <= tables.length) {
    power *= 2;
    log++;
  }
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let offset = headerSize;
  let headOffset = -1;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    out.write(t.tag, rec, 'latin1');
    out.writeUInt32BE(checksum(t.data), rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    t.data.copy(out, offset);
    if (t.tag === 'head') headOffset = offset;
    offset += pad(t.data.length);
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}
