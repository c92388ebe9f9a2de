import { createDeflate, createDeflateRaw, crc32 } from 'node:zlib';
import type { Deflate, DeflateRaw } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';

/**
 * The hostile documents of issue 16, generated (never stored): markup nested 200,000 deep, a web page of 5 MB
 * of nested elements, a PDF whose one content stream inflates to 256 MB, and a DOCX whose body inflates to
 * 1 GB of well-formed XML. The big streams are deflated chunk by chunk, so making them costs little memory.
 */
export interface HostileDocument {
  name: string;
  filename: string;
  bytes: Uint8Array;
  /** the status the checker must answer with */
  status: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A DOCX whose body nests `levels` content controls (`<w:sdt>`) around one paragraph. */
export function nestedSdtDocx(levels = 200_000): Uint8Array {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>` +
    '<w:sdt>'.repeat(levels) +
    '<w:p><w:r><w:t>2025年政府信息公开工作年度报告</w:t></w:r></w:p>' +
    '</w:sdt>'.repeat(levels) +
    '</w:body></w:document>';
  return zipSync(
    { '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8(xml) },
    { level: 9 },
  );
}

/** A web page of about `bytes` of nested <div>s. */
export function nestedHtml(bytes = 5 * 1024 * 1024): Uint8Array {
  const levels = Math.floor((bytes - 60) / 5);
  return strToU8(`<!doctype html><html><body>${'<div>'.repeat(levels)}年度报告</body></html>`);
}

/** Pushes `total` bytes of `chunk` repeated through a deflater and returns what comes out. */
function deflateRepeated(
  deflater: Deflate | DeflateRaw,
  chunk: Buffer,
  total: number,
  last?: Buffer,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    deflater.on('data', (d: Buffer) => out.push(d));
    deflater.on('end', () => resolve(Buffer.concat(out)));
    deflater.on('error', reject);
    let written = 0;
    const write = () => {
      while (written < total) {
        written += chunk.length;
        if (!deflater.write(chunk)) return void deflater.once('drain', write);
      }
      deflater.end(last);
    };
    write();
  });
}

/** A one-page PDF whose content stream (FlateDecode) inflates to `decoded` bytes of spaces. */
export async function pdfFlateBomb(decoded = 256 * 1024 * 1024): Promise<Uint8Array> {
  const stream = await deflateRepeated(createDeflate({ level: 9 }), Buffer.alloc(1024 * 1024, 0x20), decoded);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const object = (n: number, body: Buffer | string) => {
    offsets[n] = length;
    push(Buffer.from(`${n} 0 obj\n`));
    push(typeof body === 'string' ? Buffer.from(body) : body);
    push(Buffer.from('\nendobj\n'));
  };
  push(Buffer.from('%PDF-1.4\n'));
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>');
  object(
    4,
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
  );
  const xref = length;
  push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets
        .slice(1)
        .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
        .join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

/** A ZIP archive of already compressed parts (the central directory tells their true sizes). */
function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(p.method, 8);
    header.writeUInt32LE(p.crc >>> 0, 14);
    header.writeUInt32LE(p.data.length, 18);
    header.writeUInt32LE(p.size, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, p.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(p.method, 10);
    entry.writeUInt32LE(p.crc >>> 0, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(p.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** A DOCX whose word/document.xml inflates to `inflated` bytes of well-formed paragraphs. */
export async function docxZipBomb(inflated = 1024 * 1024 * 1024): Promise<Uint8Array> {
  const paragraph = '<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>';
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const unit = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(paragraph))));
  const count = Math.floor((inflated - head.length - tail.length) / unit.length);
  // the body: head, `count` units, tail — deflated as one stream
  const deflater = createDeflateRaw({ level: 9 });
  deflater.write(head);
  const body = await deflateRepeated(deflater, unit, count * unit.length, tail);
  let crc = crc32(head);
  for (let i = 0; i < count; i++) crc = crc32(unit, crc);
  crc = crc32(tail, crc);
  const types = Buffer.from(CONTENT_TYPES);
  return zipOf([
    { name: '[Content_Types].xml', method: 0, data: types, crc: crc32(types), size: types.length },
    {
      name: 'word/document.xml',
      method: 8,
      data: body,
      crc,
      size: head.length + count * unit.length + tail.length,
    },
  ]);
}

/** The four hostile documents, with the status the checker must answer each with. */
export async function hostileDocuments(): Promise<HostileDocument[]> {
  return [
    { name: 'DOCX, 200,000 nested <w:sdt>', filename: 'nested.docx', bytes: nestedSdtDocx(), status: 422 },
    { name: 'HTML, 5 MB of nested <div>', filename: 'nested.html', bytes: nestedHtml(), status: 422 },
    {
      name: 'PDF flate bomb (256 MB stream)',
      filename: 'bomb.pdf',
      bytes: await pdfFlateBomb(),
      status: 413,
    },
    { name: 'DOCX zip bomb (1 GB of XML)', filename: 'bomb.docx', bytes: await docxZipBomb(), status: 413 },
  ];
}
