/**
 * 索引号 — the catalog index of an item (条例 Art. 12: 目录包括政府信息的索引). Each agency sets a scheme in its
 * settings (`indexScheme`), a template of fields in braces and literal characters, e.g. the default
 * `{机构代码}/{年份}-{流水号:5}` → `11010500/2026-00042`. Fields: {机构代码}, {年份} (the publication year),
 * {分类代码} (the catalog category), {流水号:N} (a serial, zero-padded to N digits). The serial counts per agency
 * and year when the scheme has {年份}, else per agency for ever. A 索引号 is assigned at publication.
 */
export const DEFAULT_INDEX_SCHEME = '{机构代码}/{年份}-{流水号:5}';

export type SchemePart =
  | { kind: 'literal'; text: string }
  | { kind: 'agency' }
  | { kind: 'year' }
  | { kind: 'category' }
  | { kind: 'serial'; width: number };

export interface IndexScheme {
  text: string;
  parts: SchemePart[];
  /** the serial restarts every year */
  perYear: boolean;
}

const FIELD = /\{([^{}:]+)(?::(\d+))?\}/g;

export function parseIndexScheme(
  text: string,
): { ok: true; scheme: IndexScheme } | { ok: false; error: string } {
  const parts: SchemePart[] = [];
  let last = 0;
  let serials = 0;
  for (const m of text.matchAll(FIELD)) {
    if (m.index > last) parts.push({ kind: 'literal', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const [name, width] = [m[1]!, m[2]];
    if (width !== undefined && name !== '流水号')
      return { ok: false, error: `索引号规则中“{${name}}”不能指定位数` };
    switch (name) {
      case '机构代码':
        parts.push({ kind: 'agency' });
        break;
      case '年份':
        parts.push({ kind: 'year' });
        break;
      case '分类代码':
        parts.push({ kind: 'category' });
        break;
      case '流水号': {
        const w = Number(width ?? 5);
        if (w < 1 || w > 10) return { ok: false, error: '索引号规则中流水号的位数应为 1–10' };
        parts.push({ kind: 'serial', width: w });
        serials++;
        break;
      }
      default:
        return {
          ok: false,
          error: `索引号规则中的“{${name}}”无法识别（可用：{机构代码}、{年份}、{分类代码}、{流水号:N}）`,
        };
    }
  }
  if (last < text.length) parts.push({ kind: 'literal', text: text.slice(last) });
  for (const p of parts)
    if (p.kind === 'literal' && !/^[A-Za-z0-9/._-]+$/.test(p.text))
      return { ok: false, error: `索引号规则中的分隔符“${p.text}”只能由字母、数字和 / . _ - 组成` };
  if (serials !== 1) return { ok: false, error: '索引号规则必须恰好包含一个 {流水号:N}，否则索引号会重复' };
  if (text.length > 80) return { ok: false, error: '索引号规则最多 80 个字符' };
  return { ok: true, scheme: { text, parts, perYear: parts.some((p) => p.kind === 'year') } };
}

/** The counter a serial is drawn from: the year when the scheme restarts yearly, else 0. */
export const counterYear = (scheme: IndexScheme, year: number) => (scheme.perYear ? year : 0);

export function formatIndexNumber(
  scheme: IndexScheme,
  values: { agencyCode: string; year: number; categoryCode: string; serial: number },
): string {
  return scheme.parts
    .map((p) => {
      switch (p.kind) {
        case 'literal':
          return p.text;
        case 'agency':
          return values.agencyCode;
        case 'year':
          return String(values.year);
        case 'category':
          return values.categoryCode;
        case 'serial':
          return String(values.serial).padStart(p.width, '0');
      }
    })
    .join('');
}
