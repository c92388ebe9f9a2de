import { deflateSync } from 'node:zlib';

/**
 * A seal image for tests: a red ring with a red star on a transparent background, as a real PNG (RGBA,
 * IHDR/IDAT/IEND with CRCs) of `size` × `size` pixels. Deterministic: the same size gives the same bytes.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Inside a five-pointed star of outer radius r centred at the origin (y down). */
function inStar(x: number, y: number, r: number): boolean {
  const angle = Math.atan2(x, -y);
  const sector = (2 * Math.PI) / 5;
  const a = (((angle % sector) + sector) % sector) - sector / 2;
  const inner = r * 0.382;
  // the star's edge between an outer point (a = 0) and an inner notch (a = ±sector/2), linearly in angle
  const edge = r - ((r - inner) * Math.abs(a)) / (sector / 2);
  return Math.hypot(x, y) <= edge;
}

export function sealPng(size = 300): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const ring = d <= c - 2 && d >= c * 0.86;
      const star = inStar(x + 0.5 - c, y + 0.5 - c, c * 0.42);
      if (ring || star) row.set([0xe6, 0x00, 0x12, 0xff], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
