import { execFile } from 'node:child_process';
import { FONT } from './report/docx/styles.ts';
import type { PartPatch } from './report/zip.ts';
import { normalizeZip } from './report/zip.ts';
import { unzipSync } from 'fflate';

/**
 * The fonts a PDF is printed with (issue 12 point 6). A DOCX names the faces of GB/T 9704-2012 (仿宋_GB2312,
 * 方正小标宋简体, 宋体), as a Chinese Word installation has them. LibreOffice on a server that lacks them
 * substitutes by itself — and on Debian with fonts-noto-cjk it picks Noto Sans CJK **JP**, whose glyphs are the
 * Japanese forms (直, 骨, 写 …). So before converting, the document's font names are replaced by faces this
 * machine has (fc-list): 仿宋 where installed, 方正小标宋 where installed, otherwise the Simplified-Chinese serif
 * Noto Serif CJK SC (Debian fonts-noto-cjk) named explicitly — never a JP, TC or KR variant.
 */
export interface PrintFonts {
  /** for 仿宋_GB2312 (the body, 3号) */
  body: string;
  /** for 方正小标宋简体 (发文机关标志, the title) */
  title: string;
  /** for 宋体 (page numbers) */
  song: string;
}

/** The Simplified-Chinese serif used when a 公文 face is missing. */
export const SC_SERIF = 'Noto Serif CJK SC';
const SC_SERIF_ALTERNATIVES = [SC_SERIF, 'Source Han Serif SC', 'Source Han Serif CN'];
const FANGSONG = ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'];
const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05'];
const SONG = ['宋体', 'SimSun', '华文宋体', 'STSong'];

/** The faces to print with, from the families `fc-list` names (one family per line, comma-separated aliases). */
export function choosePrintFonts(fcList: string): PrintFonts {
  const families = new Set(
    fcList
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((f) => f.trim())
      .filter(Boolean),
  );
  const serif = SC_SERIF_ALTERNATIVES.find((f) => families.has(f)) ?? SC_SERIF;
  const first = (names: readonly string[]) => names.find((f) => families.has(f)) ?? serif;
  return { body: first(FANGSONG), title: first(XIAOBIAOSONG), song: first(SONG) };
}

let detected: Promise<PrintFonts> | null = null;

/** The machine's faces, asked of fontconfig once per thread (`fc-list :lang=zh family`). */
export function printFonts(): Promise<PrintFonts> {
  detected ??= new Promise((resolve) => {
    execFile('fc-list', [':lang=zh', 'family'], { timeout: 10_000 }, (error, stdout) =>
      resolve(choosePrintFonts(error ? '' : String(stdout))),
    );
  });
  return detected;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Replaces every font name of the 公文 faces in one XML part (attribute values w:eastAsia, w:ascii, w:name …). */
function renameFonts(fonts: PrintFonts): PartPatch {
  const map = new Map<string, string>([
    [FONT.body, fonts.body],
    [FONT.title, fonts.title],
    [FONT.pageNumber, fonts.song],
    [FONT.heading2, fonts.body],
  ]);
  return (xml) =>
    xml.replace(/(w:(?:eastAsia|ascii|hAnsi|cs|name|val))="([^"]*)"/g, (whole, attr: string, value: string) => {
      const to = map.get(value);
      return to && to !== value ? `${attr}="${escapeAttr(to)}"` : whole;
    });
}

/** The DOCX with its 公文 font names replaced by `fonts` (for LibreOffice's PDF only; the DOCX sent keeps them). */
export function withPrintFonts(docx: Uint8Array, fonts: PrintFonts): Buffer {
  const parts = Object.keys(unzipSync(docx)).filter((p) =>
    /^word\/(document|styles|fontTable|footer\d*|header\d*)\.xml$/.test(p),
  );
  const patch = renameFonts(fonts);
  return normalizeZip(docx, Object.fromEntries(parts.map((p) => [p, patch])));
}
