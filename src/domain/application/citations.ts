/**
 * Legal citations are kept short in data — '条例第三十三条第二款', '行政复议法第二十三条', '国办函〔2020〕109号' —
 * and expanded to their full form for letters here. 条例 = 《中华人民共和国政府信息公开条例》 (GLOSSARY.md).
 */
const LAWS: readonly (readonly [string, string])[] = [
  ['条例', '《中华人民共和国政府信息公开条例》'],
  ['行政复议法', '《中华人民共和国行政复议法》'],
  ['行政诉讼法', '《中华人民共和国行政诉讼法》'],
  ['国办函〔2020〕109号', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
];

/** '条例第十四条' → '《中华人民共和国政府信息公开条例》第十四条'; unknown prefixes are returned unchanged. */
export function fullCitation(short: string): string {
  for (const [prefix, full] of LAWS) if (short.startsWith(prefix)) return full + short.slice(prefix.length);
  return short;
}

/**
 * Several short citations joined the way letters print them, naming each law once:
 * ['条例第十五条', '条例第三十二条'] → '《中华人民共和国政府信息公开条例》第十五条、第三十二条'.
 */
export function citeAll(shorts: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const short of shorts) {
    const law = LAWS.find(([prefix]) => short.startsWith(prefix));
    const key = law ? law[1] : short;
    const rest = law ? short.slice(law[0].length) : '';
    groups.set(key, [...(groups.get(key) ?? []), ...(rest ? [rest] : [])]);
  }
  return [...groups].map(([law, parts]) => law + parts.join('、')).join('，');
}
