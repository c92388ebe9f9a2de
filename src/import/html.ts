import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { parseRows } from './parse-document.ts';
import { guard, textFindings } from './safe.ts';
import { garbageRatio } from './sniff.ts';
import { gridRows } from './grid.ts';
import type { SourceCell } from './grid.ts';
import type { DocRow, ParseOptions, ParseResult } from './types.ts';

/**
 * HTML (a government web page, or Gongkai's own rendering): paragraphs and headings become prose rows, each
 * `<table>` a grid (rowspan/colspan expanded, grid.ts). A cell's source is its element path,
 * `table[2]/tr[5]/td[3]` (1-based: the table in document order, the row within the table, the cell within
 * the row); a paragraph's is `p[12]`, `h2[3]` …. A table that holds tables (a page laid out in a table, the
 * site's chrome around the article) is read as blocks, its inner tables as tables; an `<img>` is a row of its
 * own (`image`), so a table printed as a picture is named unreadable, never read as blank.
 */

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'caption',
  'address',
  'body',
  'hr',
  'form',
  'fieldset',
  'center',
]);

const isElement = (n: ChildNode): n is Element =>
  n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** The text of a node, with line breaks for <br> and block elements. */
export function nodeText(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  const name = node.name.toLowerCase();
  if (SKIP.has(name)) return '';
  if (name === 'br') return '\n';
  const inner = node.children.map(nodeText).join('');
  return BLOCK.has(name) || name === 'tr'
    ? `\n${inner}\n`
    : name === 'td' || name === 'th'
      ? `${inner}\t`
      : inner;
}

const clean = (t: string) =>
  t
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

/** The rows of a table element, not descending into nested tables. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      const name = child.name.toLowerCase();
      if (name === 'tr') rows.push(child);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}

export function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && /^t[dh]$/i.test(c.name));
}

const span = (el: Element, attr: string) => {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};

export function htmlRows(html: string): DocRow[] {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const rows: DocRow[] = [];
  const counts = new Map<string, number>();
  let tables = 0;
  let buffer = '';
  let bufferTag = 'p';
  const flush = () => {
    const text = clean(buffer);
    buffer = '';
    if (!text) return;
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (!t) continue;
      const n = (counts.get(bufferTag) ?? 0) + 1;
      counts.set(bufferTag, n);
      rows.push({
        cells: [{ text: t, source: { element: `${bufferTag}[${n}]` } }],
        prose: true,
        source: { element: `${bufferTag}[${n}]` },
      });
    }
  };
  const title = doc.children.length > 0 ? findTitle(doc.children) : null;
  if (title) {
    rows.push({
      cells: [{ text: title, source: { element: 'title[1]' } }],
      prose: true,
      source: { element: 'title[1]' },
    });
  }
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        buffer += node.data;
        continue;
      }
      if (!isElement(node)) continue;
      const name = node.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        buffer += '\n';
        continue;
      }
      if (name === 'img') {
        flush();
        const label = (node.attribs.alt || node.attribs.title || node.attribs.src || '').trim().slice(0, 80);
        const n = (counts.get('img') ?? 0) + 1;
        counts.set('img', n);
        rows.push({
          cells: [{ text: `〔图片${label ? `：${label}` : ''}〕`, source: { element: `img[${n}]` } }],
          prose: true,
          source: { element: `img[${n}]` },
          image: label.replace(/^.*\//, '') || '图片',
        });
        continue;
      }
      if (name === 'table' && isLayoutTable(node)) {
        // a page laid out in a table (site chrome around the article): its cells are blocks, the tables
        // inside them are the report's
        flush();
        for (const tr of tableRows(node))
          for (const td of rowCells(tr)) {
            flush();
            walk(td.children);
            flush();
          }
        continue;
      }
      if (name === 'table') {
        flush();
        tables++;
        const trs = tableRows(node);
        const cells: SourceCell[][] = trs.map((tr, r) =>
          rowCells(tr).map((td, c) => ({
            text: clean(td.children.map(nodeText).join('')).replace(/\t/g, ' '),
            source: { element: `table[${tables}]/tr[${r + 1}]/td[${c + 1}]` },
            colspan: span(td, 'colspan'),
            rowspan: span(td, 'rowspan'),
          })),
        );
        rows.push(
          ...gridRows(
            cells,
            trs.map((_, r) => ({ element: `table[${tables}]/tr[${r + 1}]` })),
          ),
        );
        continue;
      }
      if (BLOCK.has(name)) {
        flush();
        const previous = bufferTag;
        bufferTag = /^h[1-6]$|^li$|^p$/.test(name) ? name : 'p';
        walk(node.children);
        flush();
        bufferTag = previous;
        continue;
      }
      walk(node.children);
    }
  };
  walk(doc.children);
  flush();
  return rows;
}

/** A table used for the page's layout: one of its cells holds another table. */
function isLayoutTable(table: Element): boolean {
  const holdsTable = (el: Element): boolean =>
    el.children.some((c) => isElement(c) && (c.name.toLowerCase() === 'table' || holdsTable(c)));
  return tableRows(table).some((tr) => rowCells(tr).some(holdsTable));
}

function findTitle(nodes: ChildNode[]): string | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name.toLowerCase() === 'title') return clean(node.children.map(nodeText).join('')) || null;
    const inner = findTitle(node.children);
    if (inner) return inner;
  }
  return null;
}

/** Parse a report from an HTML page. */
export function parseReportHtml(html: string, options: ParseOptions = {}): ParseResult {
  return guard('html', options, () => {
    const text = typeof html === 'string' ? html : '';
    const pre = textFindings(text, garbageRatio(text.slice(0, 20000)));
    const result = parseRows(htmlRows(text), 'html', options);
    return { ...result, findings: [...pre, ...result.findings] };
  });
}
