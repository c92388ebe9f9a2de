import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { extractCollectionFace } from './font-collection.ts';
import { FONT } from './report/docx/styles.ts';
import { docxToPdf } from './report/pdf.ts';
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
  /** for 黑体 (a report's 一级标题) */
  heiti: string;
  /** for 楷体_GB2312 (a report's 二级标题 and lead-ins) */
  kaiti: string;
}

/** The Simplified-Chinese serif used when a 公文 face is missing. */
export const SC_SERIF = 'Noto Serif CJK SC';
const SC_SERIF_ALTERNATIVES = [SC_SERIF, 'Source Han Serif SC', 'Source Han Serif CN'];
/** The Simplified-Chinese sans used when 黑体 is missing. */
export const SC_SANS = 'Noto Sans CJK SC';
const SC_SANS_ALTERNATIVES = [SC_SANS, 'Source Han Sans SC', 'Source Han Sans CN'];
const FANGSONG = ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'];
const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05'];
const SONG = ['宋体', 'SimSun', '华文宋体', 'STSong'];
const HEITI = ['黑体', 'SimHei', '华文黑体', 'STHeiti'];
const KAITI = ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti'];

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
  const sans = SC_SANS_ALTERNATIVES.find((f) => families.has(f)) ?? SC_SANS;
  const first = (names: readonly string[], fallback = serif) =>
    names.find((f) => families.has(f)) ?? fallback;
  return {
    body: first(FANGSONG),
    title: first(XIAOBIAOSONG),
    song: first(SONG),
    heiti: first(HEITI, sans),
    kaiti: first(KAITI),
  };
}

/** What LibreOffice prints a letter with: the faces, and the environment that makes them the SC ones. */
export interface PrintSetup {
  fonts: PrintFonts;
  /** FONTCONFIG_FILE of a private fontconfig when the SC serif had to be taken out of a font collection */
  env?: Record<string, string>;
}

const exec = (file: string, args: string[]) =>
  new Promise<string>((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (error, stdout) => resolve(error ? '' : String(stdout)));
  });

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * When fontconfig serves Noto Serif CJK SC or Noto Sans CJK SC from a collection (Debian's NotoSerifCJK-*.ttc
 * and NotoSansCJK-*.ttc, SC at index 2), LibreOffice draws the SC glyphs but embeds them under the name of the
 * collection's shared CFF, “NotoSerifCJKjp-Regular”, so the PDF claims a Japanese font. Each SC face used
 * (regular, and bold for a table's header cells) is then written out as a font of its own with its CFF names
 * saying sc (once, in a cache folder of this user) and a private fonts.conf adds them and hides the
 * collections, so that “Noto Serif CJK SC” can only mean the SC face and the PDF names what it holds.
 */
async function scEnvironment(families: readonly string[]): Promise<Record<string, string> | undefined> {
  const dir = join(tmpdir(), `gongkai-fonts-${userInfo().uid}`);
  const collections: string[] = [];
  for (const family of families)
    for (const style of ['Regular', 'Bold']) {
      const [file, index] = (
        await exec('fc-match', ['-f', '%{file}|%{index}', `${family}:style=${style}`])
      ).split('|');
      if (!file || !/\.(ttc|otc)$/i.test(file) || !index || Number(index) === 0) continue;
      if (collections.includes(file)) continue;
      const target = join(dir, `${family.replace(/\s+/g, '')}-${style}.otf`);
      if (!existsSync(target)) {
        const face = extractCollectionFace(await readFile(file), Number(index), [['CJKjp', 'CJKsc']]);
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(temp, face);
        await rename(temp, target);
      }
      collections.push(file);
    }
  if (collections.length === 0) return undefined;
  const conf = join(dir, 'fonts.conf');
  const text =
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
    `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<dir>${xml(dir)}</dir>\n` +
    `<cachedir>${xml(join(dir, 'cache'))}</cachedir>\n<selectfont><rejectfont>` +
    collections.map((c) => `<glob>${xml(c)}</glob>`).join('') +
    `</rejectfont></selectfont>\n</fontconfig>\n`;
  if (!existsSync(conf) || (await readFile(conf, 'utf8')) !== text) {
    const temp = `${conf}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, conf);
  }
  return { FONTCONFIG_FILE: conf };
}

let detected: Promise<PrintSetup> | null = null;

/** The machine's faces, asked of fontconfig once per thread (`fc-list :lang=zh family`). */
export function printSetup(): Promise<PrintSetup> {
  detected ??= (async () => {
    const fonts = choosePrintFonts(await exec('fc-list', [':lang=zh', 'family']));
    const used = Object.values(fonts);
    const env = await scEnvironment([SC_SERIF, SC_SANS].filter((f) => used.includes(f)));
    return env ? { fonts, env } : { fonts };
  })();
  return detected;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Replaces every font name of the 公文 faces in one XML part (attribute values w:eastAsia, w:ascii, w:name …). */
function renameFonts(fonts: PrintFonts): PartPatch {
  const map = new Map<string, string>([
    [FONT.body, fonts.body],
    [FONT.title, fonts.title],
    [FONT.pageNumber, fonts.song],
    [FONT.heading1, fonts.heiti],
    [FONT.heading2, fonts.kaiti],
  ]);
  return (xml) =>
    xml.replace(
      /(w:(?:eastAsia|ascii|hAnsi|cs|name|val))="([^"]*)"/g,
      (whole, attr: string, value: string) => {
        const to = map.get(value);
        return to && to !== value ? `${attr}="${escapeAttr(to)}"` : whole;
      },
    );
}

/** The DOCX with its 公文 font names replaced by `fonts` (for LibreOffice's PDF only; the DOCX sent keeps them). */
export function withPrintFonts(docx: Uint8Array, fonts: PrintFonts): Buffer {
  const parts = Object.keys(unzipSync(docx)).filter((p) =>
    /^word\/(document|styles|fontTable|footer\d*|header\d*)\.xml$/.test(p),
  );
  const patch = renameFonts(fonts);
  return normalizeZip(docx, Object.fromEntries(parts.map((p) => [p, patch])));
}

/**
 * A DOCX of ours as PDF, printed with this machine's 公文 faces (never a Japanese-variant glyph or font name):
 * the letters' and the annual report's PDF.
 */
export async function printPdf(docx: Uint8Array): Promise<Buffer> {
  const { fonts, env } = await printSetup();
  return docxToPdf(withPrintFonts(docx, fonts), env ? { env } : {});
}
