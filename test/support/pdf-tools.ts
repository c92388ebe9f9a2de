import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading rendered PDFs back with poppler-utils (pdftotext, pdffonts, pdfimages, pdfinfo, pdftoppm), for the
 * render tests: what a reader of the printed document would see, not what the renderer meant to write.
 */
function withPdf<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdftools-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** pdftotext -layout, all pages or one. */
export const pdfText = (pdf: Uint8Array, page?: number) =>
  withPdf(pdf, (f) =>
    run('pdftotext', ['-layout', ...(page ? ['-f', `${page}`, '-l', `${page}`] : []), f, '-']),
  );

/** The fonts pdffonts lists: name (subset prefix removed), type, embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; type: string; embedded: boolean }[] {
  const lines = withPdf(pdf, (f) => run('pdffonts', [f]))
    .split('\n')
    .slice(2)
    .filter(Boolean);
  return lines.map((line) => {
    const [name = '', ...rest] = line.trim().split(/\s+/);
    const emb = rest.at(-5);
    return {
      name: name.replace(/^[A-Z]{6}\+/, ''),
      type: rest.slice(0, -6).join(' '),
      embedded: emb === 'yes',
    };
  });
}

/** The images pdfimages -list lists (smask rows included, as type). */
export function pdfImages(
  pdf: Uint8Array,
): { page: number; type: string; width: number; height: number; xppi: number }[] {
  const lines = withPdf(pdf, (f) => run('pdfimages', ['-list', f]))
    .split('\n')
    .slice(2)
    .filter(Boolean);
  return lines.map((line) => {
    const c = line.trim().split(/\s+/);
    return {
      page: Number(c[0]),
      type: c[2]!,
      width: Number(c[3]),
      height: Number(c[4]),
      xppi: Number(c[12]),
    };
  });
}

/** Page count and the size of page 1 in points (pdfinfo). */
export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const out = withPdf(pdf, (f) => run('pdfinfo', [f]));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Each text line of a page with its box in points (pdftotext -bbox-layout), top to bottom. */
export function pdfLines(
  pdf: Uint8Array,
  page: number,
): { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = withPdf(pdf, (f) =>
    run('pdftotext', ['-bbox-layout', '-f', `${page}`, '-l', `${page}`, f, '-']),
  );
  return [
    ...html.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    ),
  ]
    .map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }))
    .sort((a, b) => a.yMin - b.yMin);
}

/** Page `page` as a PNG (pdftoppm) at `dpi`. */
export function pdfPagePng(pdf: Uint8Array, page: number, dpi = 100): Buffer {
  return withPdf(pdf, (f, dir) => {
    run('pdftoppm', [
      '-png',
      '-r',
      `${dpi}`,
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-singlefile',
      f,
      join(dir, 'page'),
    ]);
    const png = readdirSync(dir).find((n) => n.startsWith('page') && n.endsWith('.png'))!;
    return readFileSync(join(dir, png));
  });
}
