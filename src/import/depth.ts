import { AppError } from '../domain/errors.ts';
import { documentLimits } from './limits.ts';

/**
 * The nesting depth of XML or HTML markup, found by a single pass over the tags without building anything: a
 * stack of open element names, closed as the parsers close them (a stray end tag closes nothing; in HTML, void
 * elements, raw-text elements and the elements whose end tag may be left out do not nest). It stops as soon as
 * the depth passes the limit, so a hostile document costs one pass over its first bytes, never a parse.
 */

/** HTML elements that never hold others, or whose end tag the parser infers (they do not deepen nesting). */
const HTML_FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
]);
/** HTML elements whose content is text up to their end tag. */
const HTML_RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

const isNameStart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

function readName(text: string, from: number): number {
  let i = from;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** The deepest nesting of `text`, or the first depth past `max` (the scan stops there). */
export function nestingDepth(text: string, mode: 'xml' | 'html', max = Infinity): number {
  const stack: string[] = [];
  let deepest = 0;
  let i = 0;
  const html = mode === 'html';
  for (;;) {
    i = text.indexOf('<', i);
    if (i === -1 || i + 1 >= text.length) return deepest;
    const c = text.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      const close = text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = text.indexOf(close, i + 2);
      if (end === -1) return deepest;
      i = end + close.length;
    } else if (c === 63 /* ? */) {
      const end = text.indexOf('>', i + 2);
      if (end === -1) return deepest;
      i = end + 1;
    } else if (c === 47 /* / */) {
      const nameEnd = readName(text, i + 2);
      let name = text.slice(i + 2, nameEnd);
      if (html) name = name.toLowerCase();
      // close the innermost open element of that name and everything inside it; a stray end tag closes nothing
      for (let k = stack.length - 1; k >= 0; k--)
        if (stack[k] === name) {
          stack.length = k;
          break;
        }
      i = nameEnd;
    } else if (isNameStart(c)) {
      const nameEnd = readName(text, i + 1);
      let name = text.slice(i + 1, nameEnd);
      if (html) name = name.toLowerCase();
      const end = text.indexOf('>', nameEnd);
      if (end === -1) return deepest;
      const selfClosing = text.charCodeAt(end - 1) === 47;
      i = end + 1;
      if (html && HTML_RAW.has(name)) {
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = i;
        if (!close.exec(text)) return deepest;
        i = close.lastIndex - name.length - 2;
      } else if (!selfClosing && !(html && HTML_FLAT.has(name))) {
        stack.push(name);
        if (stack.length > deepest) {
          deepest = stack.length;
          if (deepest > max) return deepest;
        }
      }
    } else i++;
  }
}

/** Refuses markup nested deeper than the limit (HTTP 422), naming the depth found. */
export function assertNesting(text: string, mode: 'xml' | 'html', what: string): void {
  const max = documentLimits().maxNesting;
  if (nestingDepth(text, mode, max) > max)
    throw new AppError(
      'unprocessable',
      `${what}的标签嵌套超过 ${max} 层（正常的年度报告不超过几十层），可能是恶意构造的文件，已拒绝读取`,
      'file',
    );
}
