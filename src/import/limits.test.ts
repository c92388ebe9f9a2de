import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { nestedHtml, nestedSdtDocx } from '../../test/system/support/hostile-documents.ts';
import { assertNesting, nestingDepth } from './depth.ts';
import { parseReportFile } from './file.ts';
import { DEFAULT_DOCUMENT_LIMITS, setDocumentLimits } from './limits.ts';
import { assertPdfPages } from './pdf.ts';
import { flateLayers, pdfDecodedBytes } from './pdf-streams.ts';
import { readZipParts, zipDirectory } from './zip.ts';

/** The reading limits (issue 16): nesting, inflated bytes, ZIP entries, PDF streams — refused before a parse. */
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

afterEach(() => setDocumentLimits(DEFAULT_DOCUMENT_LIMITS));

describe('the nesting scan', () => {
  it.each([
    ['<a><b><c/></b><d></d></a>', 'xml', 2],
    ['<?xml version="1.0"?><!-- <x><x><x> --><a><![CDATA[<b><b>]]></a>', 'xml', 1],
    ['<a></x></x></x><b><c></c></b></a>', 'xml', 3], // a stray end tag closes nothing
    ['<div><p>one<p>two<br><img src=x><ul><li>a<li>b</ul></div>', 'html', 2],
    ['<div><script>if (a<b) { "<div><div>" }</script><span></span></div>', 'html', 2],
    ['<DIV><div></DIV>', 'html', 2],
  ] as const)('%s nests %s %i deep', (text, mode, depth) => {
    expect(nestingDepth(text, mode)).toBe(depth);
  });

  it('stops just past the limit instead of walking the whole document', () => {
    const text = '<w:sdt>'.repeat(1_000_000);
    expect(nestingDepth(text, 'xml', 256)).toBe(257);
  });

  it('refuses 200,000 nested <w:sdt> in a DOCX and 5 MB of nested HTML with 422 and a Chinese message', async () => {
    const docx = await refusal(parseReportFile(nestedSdtDocx(), 'nested.docx'));
    expect(docx.code).toBe('unprocessable');
    expect(docx.message).toMatch(/Word 文件正文的标签嵌套超过 256 层/);
    const html = await refusal(parseReportFile(nestedHtml(), 'nested.html'));
    expect(html.code).toBe('unprocessable');
    expect(html.message).toMatch(/网页文件的标签嵌套超过 256 层/);
  });

  it('lets a real report through: a table in a cell in content controls is a few dozen levels', () => {
    const cell = '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>';
    const table = (inner: string) => `<w:tbl><w:tr>${cell}<w:tc>${inner}</w:tc></w:tr></w:tbl>`;
    let xml = '<w:p/>';
    for (let i = 0; i < 8; i++) xml = `<w:sdt><w:sdtContent>${table(xml)}</w:sdtContent></w:sdt>`;
    expect(() =>
      assertNesting(`<w:document><w:body>${xml}</w:body></w:document>`, 'xml', 'Word'),
    ).not.toThrow();
  });
});

describe('the ZIP reader', () => {
  const docx = (body: string) =>
    zipSync({ 'word/document.xml': strToU8(body), 'word/styles.xml': strToU8('<w:styles/>') }, { level: 9 });

  it('inflates only the parts asked for', () => {
    const parts = readZipParts(docx('<w:document/>'), (n) => n === 'word/document.xml', 'Word 文件');
    expect(Object.keys(parts)).toEqual(['word/document.xml']);
  });

  it('stops inflating at the cap and refuses with 413, whatever the archive declares', async () => {
    setDocumentLimits({ maxInflatedBytes: 1024 * 1024 });
    const bomb = docx(`<w:document><w:body>${'<w:p/>'.repeat(400_000)}</w:body></w:document>`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await refusal(parseReportFile(bomb, 'bomb.docx'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/Word 文件解压后超过 1 MB（上限）/);
  });

  it('refuses an archive listing more entries than the limit', () => {
    setDocumentLimits({ maxZipEntries: 10 });
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.xml`, strToU8('x')])),
    );
    expect(() => zipDirectory(many, 'Word 文件')).toThrow(/有 11 个文件，超过上限 10 个/);
  });
});

describe('the PDF stream check', () => {
  const pdf = (stream: Buffer, filter: string) =>
    Buffer.concat([
      Buffer.from(`%PDF-1.4\n4 0 obj\n<< /Length ${stream.length} /Filter ${filter} >>\nstream\n`),
      stream,
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);

  it('reads the filter chain', () => {
    expect(flateLayers('<< /Filter /FlateDecode >>')).toBe(1);
    expect(flateLayers('<< /Filter [/FlateDecode /Fl] >>')).toBe(2);
    expect(flateLayers('<< /Filter [/ASCII85Decode /FlateDecode] >>')).toBe(0);
  });

  it('counts what the flate streams decode to, also when the filter applies twice', () => {
    const once = deflateSync(Buffer.alloc(100_000, 0x20));
    expect(pdfDecodedBytes(pdf(once, '/FlateDecode'))).toBe(100_000);
    expect(pdfDecodedBytes(pdf(deflateSync(once), '[/FlateDecode /FlateDecode]'))).toBe(
      100_000 + once.length,
    );
  });

  it('refuses a flate bomb with 413 before pdfjs sees it', async () => {
    setDocumentLimits({ maxInflatedBytes: 1024 * 1024 });
    const bomb = pdf(deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), '/FlateDecode');
    const error = await refusal(parseReportFile(bomb, 'bomb.pdf'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/PDF 文件中的压缩数据解压后超过 1 MB/);
  });
});

describe('the PDF page cap', () => {
  it('refuses more pages than the limit with 413', () => {
    expect(() => assertPdfPages(500)).not.toThrow();
    expect(() => assertPdfPages(501)).toThrow(/PDF 文件有 501 页，超过上限 500 页/);
  });
});
