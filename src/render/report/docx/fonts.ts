import { FONT } from './styles.ts';

/**
 * The font table of the document: each Chinese font the styles name, with the font Word (or LibreOffice)
 * substitutes where it is not installed — 方正小标宋简体 falls back to 宋体, the GB2312 faces to their
 * Windows names. charset 86 is GB2312.
 */
const SUBSTITUTES: readonly [name: string, altName: string, family: 'roman' | 'modern' | 'swiss'][] = [
  [FONT.title, '宋体', 'roman'],
  [FONT.body, '仿宋', 'modern'],
  [FONT.heading1, 'SimHei', 'modern'],
  [FONT.heading2, '楷体', 'modern'],
  [FONT.pageNumber, 'SimSun', 'roman'],
];

const fontXml = ([name, altName, family]: (typeof SUBSTITUTES)[number]) =>
  `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:charset w:val="86"/>` +
  `<w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;

/** Adds the Chinese fonts and their substitutes to word/fontTable.xml (patch for normalizeZip). */
export function withChineseFonts(xml: string): string {
  const fonts = SUBSTITUTES.filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(fontXml)
    .join('');
  if (/<w:fonts\b[^>]*\/>/.test(xml))
    return xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${fonts}</w:fonts>`);
  if (!xml.includes('</w:fonts>')) throw new Error('word/fontTable.xml 格式异常');
  return xml.replace('</w:fonts>', `${fonts}</w:fonts>`);
}
