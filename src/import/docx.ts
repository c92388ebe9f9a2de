import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { Finding } from '../domain/report/index.ts';
import { gridRows } from './grid.ts';
import type { SourceCell } from './grid.ts';
import type { DocRow } from './types.ts';

/**
 * Word (.docx): the main document part read as XML, body paragraphs as prose rows and each top-level table
 * (w:tbl / w:tr / w:tc, with w:gridSpan and w:vMerge) as a grid. A cell's source is
 * `table[t]/tr[r]/td[c]` (the c-th w:tc of the row); a paragraph's `p[n]` (the n-th body paragraph outside
 * tables). Tracked deletions, field codes and fallback copies of drawings are not text.
 */

const MAIN_PART = /PartName="\/?([^"]+)"\s+ContentType="application\/vnd\.[^"]*wordprocessingml\.document\.main\+xml"/;

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
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === '[Content_Types].xml' || /^word\/[^/]+\.xml$/.test(f.name) });
  } catch (error) {
    return {
      code: 'import.docx.unreadable',
      severity: 'error',
      location: { table: 'meta' },
      message: `无法打开 Word 文件（不是有效的 .docx 压缩包：${error instanceof Error ? error.message : String(error)}）。`,
    };
  }
  const decoder = new TextDecoder('utf-8');
  const types = files['[Content_Types].xml'];
  const main = (types && MAIN_PART.exec(decoder.decode(types))?.[1]) || 'word/document.xml';
  const part = files[main] ?? files['word/document.xml'];
  if (!part)
    return {
      code: 'import.docx.unreadable',
      severity: 'error',
      location: { table: 'meta' },
      message: 'Word 文件中没有正文部分（word/document.xml），无法读取。',
    };
  return decoder.decode(part);
}

export function docxRows(xml: string): DocRow[] {
  const rows: DocRow[] = [];
  let tableDepth = 0;
  let tables = 0;
  let paragraphs = 0;
  let skip = 0;
  let inText = false;
  let paragraph: string | null = null;
  // the current top-level table
  let tableCells: SourceCell[][] = [];
  let rowSources: DocRow['source'][] = [];
  let cell: SourceCell | null = null;
  let cellParagraphs: string[] = [];
  const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:txbxContent', 'w:fldData']);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) {
          skip++;
          return;
        }
        if (skip > 0) return;
        switch (name) {
          case 'w:tbl':
            tableDepth++;
            if (tableDepth === 1) {
              tables++;
              tableCells = [];
              rowSources = [];
            }
            break;
          case 'w:tr':
            if (tableDepth === 1) {
              tableCells.push([]);
              rowSources.push({ element: `table[${tables}]/tr[${tableCells.length}]` });
            }
            break;
          case 'w:tc':
            if (tableDepth === 1) {
              const r = tableCells.length;
              const c = (tableCells[r - 1]?.length ?? 0) + 1;
              cell = { text: '', source: { element: `table[${tables}]/tr[${r}]/td[${c}]` }, colspan: 1, rowspan: 1 };
              cellParagraphs = [];
            }
            break;
          case 'w:gridSpan':
            if (cell && tableDepth === 1) cell.colspan = Number.parseInt(attrs['w:val'] ?? '1', 10) || 1;
            break;
          case 'w:vMerge':
            if (cell && tableDepth === 1 && (attrs['w:val'] ?? 'continue') === 'continue') cell.continues = true;
            break;
          case 'w:p':
            paragraph = paragraph ?? '';
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
            if (paragraph !== null) paragraph += tableDepth > 0 ? ' ' : '\t';
            break;
          case 'w:br':
          case 'w:cr':
            if (paragraph !== null) paragraph += '\n';
            break;
          case 'w:noBreakHyphen':
            if (paragraph !== null) paragraph += '-';
            break;
        }
      },
      ontext(text) {
        if (skip === 0 && inText && paragraph !== null) paragraph += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip > 0) return;
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:p': {
            const text = paragraph ?? '';
            paragraph = null;
            if (tableDepth > 0) cellParagraphs.push(text);
            else {
              paragraphs++;
              const t = text.replace(/\t/g, ' ').trim();
              if (t)
                rows.push({
                  cells: [{ text: t, source: { element: `p[${paragraphs}]` } }],
                  prose: true,
                  source: { element: `p[${paragraphs}]` },
                });
            }
            break;
          }
          case 'w:tc':
            if (cell && tableDepth === 1) {
              cell.text = cellParagraphs.join('\n').trim();
              tableCells[tableCells.length - 1]?.push(cell);
              cell = null;
            }
            break;
          case 'w:tbl':
            if (tableDepth === 1) rows.push(...gridRows(tableCells, rowSources));
            else if (tableDepth > 1) cellParagraphs.push('');
            tableDepth = Math.max(0, tableDepth - 1);
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
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
