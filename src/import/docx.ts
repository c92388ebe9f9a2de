import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Finding } from '../domain/report/index.ts';
import { assertNesting } from './depth.ts';
import { gridRows } from './grid.ts';
import { isLimitError } from './limits.ts';
import { newBudget, readZipEntry, zipDirectory } from './zip.ts';
import type { SourceCell } from './grid.ts';
import type { DocRow } from './types.ts';

/**
 * Word (.docx): the main document part read as XML, body paragraphs as prose rows and each top-level table
 * (w:tbl / w:tr / w:tc, with w:gridSpan and w:vMerge) as a grid. A cell's source is
 * `table[t]/tr[r]/td[c]` (the t-th table of the body, its r-th w:tr, that row's c-th w:tc, looking through
 * content controls); a paragraph's `p[n]` (the n-th body paragraph). Tracked deletions, field codes and
 * fallback copies of drawings are not text; a table nested in a cell is read as the text of that cell.
 */

const MAIN_PART =
  /PartName="\/?([^"]+)"\s+ContentType="application\/vnd\.[^"]*wordprocessingml\.document\.main\+xml"/;

export interface DocxRead {
  rows: DocRow[];
  findings: Finding[];
}

function unreadable(message: string): DocxRead {
  return {
    rows: [],
    findings: [{ code: 'import.docx.unreadable', severity: 'error', location: { table: 'meta' }, message }],
  };
}

export function docxXml(bytes: Uint8Array): string | Finding {
  let files: Record<string, Uint8Array>;
  const decoder = new TextDecoder('utf-8');
  try {
    // only the parts read are inflated, each under the document's inflate budget (zip.ts)
    const entries = zipDirectory(bytes, 'Word 文件');
    const budget = newBudget();
    const read = (name: string) => {
      const entry = entries.find((e) => e.name === name);
      return entry ? readZipEntry(bytes, entry, budget, 'Word 文件') : undefined;
    };
    const types = read('[Content_Types].xml');
    const main = (types && MAIN_PART.exec(decoder.decode(types))?.[1]) || 'word/document.xml';
    const part = read(main) ?? (main !== 'word/document.xml' ? read('word/document.xml') : undefined);
    files = part ? { [main]: part } : {};
  } catch (error) {
    if (isLimitError(error)) throw error;
    return {
      code: 'import.docx.unreadable',
      severity: 'error',
      location: { table: 'meta' },
      message: `无法打开 Word 文件（不是有效的 .docx 压缩包：${error instanceof Error ? error.message : String(error)}）。`,
    };
  }
  const part = Object.values(files)[0];
  if (!part)
    return {
      code: 'import.docx.unreadable',
      severity: 'error',
      location: { table: 'meta' },
      message: 'Word 文件中没有正文部分（word/document.xml），无法读取。',
    };
  const xml = decoder.decode(part);
  assertNesting(xml, 'xml', 'Word 文件正文');
  return xml;
}

/** Wrappers that may hold rows, cells or paragraphs: content controls, custom XML, smart tags, insertions. */
const WRAPPERS = new Set([
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:ins',
  'w:moveTo',
  'w:hyperlink',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);
/** Not text: deletions, field codes, fallback copies of drawings, text boxes, properties. */
const NOT_TEXT = new Set([
  'w:del',
  'w:delText',
  'w:instrText',
  'w:moveFrom',
  'mc:Fallback',
  'w:txbxContent',
  'w:fldData',
  'w:rPr',
  'w:pPr',
  'w:tcPr',
  'w:trPr',
  'w:tblPr',
  'w:sdtPr',
]);

const elements = (nodes: readonly ChildNode[]): Element[] =>
  nodes.filter((n): n is Element => n.type === 'tag');

/** Children of an element with the given name, looking through wrappers. */
function childrenNamed(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of elements(el.children)) {
    if (child.name === name) out.push(child);
    else if (WRAPPERS.has(child.name)) out.push(...childrenNamed(child, name));
  }
  return out;
}

/** The text of an element: w:t runs, tabs, breaks; nested tables and paragraphs on their own lines. */
function textOf(node: ChildNode): string {
  if (node.type !== 'tag') return '';
  const el = node as Element;
  if (NOT_TEXT.has(el.name)) return '';
  switch (el.name) {
    case 'w:t':
      return el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    case 'w:tab':
      return '\t';
    case 'w:br':
    case 'w:cr':
      return '\n';
    case 'w:noBreakHyphen':
      return '-';
    case 'w:p':
      return `${el.children.map(textOf).join('')}\n`;
  }
  return el.children.map(textOf).join('');
}

export function docxRows(xml: string): DocRow[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const body =
    DomUtils.findOne((e) => e.name === 'w:body', doc.children, true) ??
    DomUtils.findOne((e) => e.name === 'w:document', doc.children, true);
  const rows: DocRow[] = [];
  if (!body) return rows;
  let tables = 0;
  let paragraphs = 0;
  const walk = (el: Element) => {
    for (const child of elements(el.children)) {
      if (child.name === 'w:p') {
        paragraphs++;
        const text = textOf(child).replace(/\t/g, ' ').trim();
        const source = { element: `p[${paragraphs}]` };
        for (const line of text.split('\n'))
          if (line.trim()) rows.push({ cells: [{ text: line.trim(), source }], prose: true, source });
      } else if (child.name === 'w:tbl') {
        tables++;
        const trs = childrenNamed(child, 'w:tr');
        const cells: SourceCell[][] = trs.map((tr, r) =>
          childrenNamed(tr, 'w:tc').map((tc, c) => {
            const props = elements(tc.children).find((e) => e.name === 'w:tcPr');
            const span = props && elements(props.children).find((e) => e.name === 'w:gridSpan');
            const merge = props && elements(props.children).find((e) => e.name === 'w:vMerge');
            const cell: SourceCell = {
              text: textOf(tc).replace(/\t/g, ' ').trim(),
              source: { element: `table[${tables}]/tr[${r + 1}]/td[${c + 1}]` },
              colspan: Number.parseInt(span?.attribs['w:val'] ?? '1', 10) || 1,
              rowspan: 1,
            };
            if (merge && (merge.attribs['w:val'] ?? 'continue') === 'continue') cell.continues = true;
            return cell;
          }),
        );
        rows.push(
          ...gridRows(
            cells,
            trs.map((_, r) => ({ element: `table[${tables}]/tr[${r + 1}]` })),
          ),
        );
      } else if (WRAPPERS.has(child.name)) walk(child);
    }
  };
  walk(body);
  return rows;
}

/** The document rows of a .docx file, or a finding saying why it cannot be read. */
export function readDocx(bytes: Uint8Array): DocxRead {
  const xml = docxXml(bytes);
  if (typeof xml !== 'string') return { rows: [], findings: [xml] };
  try {
    return { rows: docxRows(xml), findings: [] };
  } catch (error) {
    return unreadable(`Word 文件的正文无法解析：${error instanceof Error ? error.message : String(error)}。`);
  }
}
