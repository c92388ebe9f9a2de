import { trimAll } from './normalise.ts';
import { sectionOfHeading } from './sections.ts';
import type { DocCell, DocRow } from './types.ts';

/**
 * Tokenising plain text (text extracted from Word or PDF, Markdown) into document rows. Three table layouts
 * are recognised line by line:
 * - a cell per line (Word): each cell on its own line starting with a tab, rows separated by blank lines, a
 *   blank cell printed as a lone tab or a tab and spaces; a line without a tab right after a cell continues it
 *   (a label broken over two lines);
 * - a row per line with tab-separated cells (PDF);
 * - Markdown / pipe tables (`| a | b |`, separator lines skipped).
 * Every other line is prose. Each cell keeps its 1-based line number.
 */

type LineKind = 'blank' | 'cell' | 'tabs' | 'pipe' | 'separator' | 'text';

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function classify(line: string): LineKind {
  if (line.includes('\t')) {
    const rest = line.startsWith('\t') ? line.slice(1) : line;
    if (rest.includes('\t')) return 'tabs';
    if (line.startsWith('\t')) return 'cell';
  }
  const trimmed = trimAll(line);
  if (trimmed === '') return 'blank';
  if (trimmed.startsWith('|') && trimmed.length > 1 && trimmed.indexOf('|', 1) > 0)
    return PIPE_SEPARATOR.test(trimmed) ? 'separator' : 'pipe';
  if (PIPE_SEPARATOR.test(trimmed) && trimmed.includes('|')) return 'separator';
  return 'text';
}

/** Markdown decoration that carries no content: heading marks, emphasis, escapes. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function pipeCells(line: string, lineNo: number): DocCell[] {
  const body = trimAll(line)
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body
    .split(/(?<!\\)\|/)
    .map((text) => ({ text: stripMarkdown(text).trim(), source: { line: lineNo } }));
}

/** A short line right after a Word cell, not a heading: the rest of a label broken over two lines. */
function continues(line: string): boolean {
  const t = trimAll(line);
  return (
    t.length > 0 && t.length <= 24 && !/^[一二三四五六七八九十]+[、.．]/.test(t) && !/^\s{2,}/.test(line)
  );
}

/** A printed value in a plain-text table: a number (possibly signed, with a unit) or a placeholder. */
const VALUE = String.raw`(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|项|个)?|[/／—–－-]{1,2}|无)`;
const PLAIN_ROW = new RegExp(String.raw`^(.*?[^\s\d.,，。；;：:、])?((?:[\s\u00a0\u3000]+${VALUE})+)$`);
const NUMBERS_ONLY = new RegExp(String.raw`^${VALUE}(?:[\s\u00a0\u3000]+${VALUE})+$|^\d{5,}$`);

/**
 * A table row printed as plain text (a web page's table flattened, or typed): a label then values separated
 * by spaces ("（一）予以公开 12 0 0 0 0 0 12"), or values only ("0 0 0 0 0"), or a label and its digits run
 * together with no separator ("一、本年新收政府信息公开申请数量 21710000218"). Sentences are not rows: a label
 * ending in sentence punctuation, or longer than a row label, stays prose.
 */
function plainRow(line: string, lineNo: number): DocRow | null {
  const t = trimAll(stripMarkdown(line));
  if (t.length > 160) return null;
  const source = { line: lineNo };
  if (NUMBERS_ONLY.test(t))
    return {
      cells: t.split(/[\s\u00a0\u3000]+/).map((text) => ({ text, source })),
      prose: false,
      source,
      loose: true,
    };
  const m = PLAIN_ROW.exec(t);
  if (!m || !m[1]) return null;
  const label = trimAll(m[1]);
  if (label.length > 60 || /[。；;！？!?]/.test(label) || !/[\u3400-\u9fff]/.test(label)) return null;
  // "2023年" style years and dates are narrative, not a row
  if (/(年|月|日|第)$/.test(label)) return null;
  return {
    cells: [
      { text: label, source },
      ...trimAll(m[2]!)
        .split(/[\s\u00a0\u3000]+/)
        .map((text) => ({ text, source })),
    ],
    prose: false,
    source,
    loose: true,
  };
}

const ONE_VALUE = new RegExp(String.raw`^${VALUE}$`);

/** A line that may be a row label in a cell-per-line table: short, with ideographs, not a sentence. */
function isLabelLine(text: string): boolean {
  const t = trimAll(text);
  return t.length > 0 && t.length <= 60 && /[\u3400-\u9fff]/.test(t) && !/[。；;！？!?]$|[。；;]/.test(t);
}

/**
 * A table copied from a web page, every cell on its own line and empty cells collapsed (nothing printed):
 * a label line followed by lines of one value each is one row (loose: the positions of the values are not
 * known, the fit and the identities place them); value lines after another value-only row continue it.
 */
function joinCellLines(rows: DocRow[]): DocRow[] {
  const out: DocRow[] = [];
  let open: DocRow | null = null;
  for (const row of rows) {
    const text = row.prose ? trimAll(row.cells[0]?.text ?? '') : '';
    if (row.prose && ONE_VALUE.test(text)) {
      if (open) {
        open.cells.push(row.cells[0]!);
        continue;
      }
      const prev = out[out.length - 1];
      const label = prev?.prose ? (prev.cells[0]?.text ?? '') : '';
      if (prev && isLabelLine(label) && sectionOfHeading(trimAll(label)) === null) {
        prev.prose = false;
        prev.loose = true;
        prev.cells.push(row.cells[0]!);
        open = prev;
        continue;
      }
    }
    open = null;
    out.push(row);
  }
  return out;
}

export function textRows(text: string): DocRow[] {
  return joinCellLines(lineRows(text));
}

function lineRows(text: string): DocRow[] {
  const lines = text.split(/\r\n|\r|\n/);
  const rows: DocRow[] = [];
  let group: DocRow | null = null;
  let lastWasCell = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const kind = classify(line);
    if (kind === 'cell') {
      if (!group) {
        group = { cells: [], prose: false, source: { line: lineNo } };
        rows.push(group);
      }
      group.cells.push({ text: line.slice(1), source: { line: lineNo } });
      lastWasCell = true;
      continue;
    }
    if (kind === 'text' && group && lastWasCell && continues(line)) {
      const last = group.cells[group.cells.length - 1]!;
      last.text += trimAll(line);
      continue;
    }
    group = null;
    lastWasCell = false;
    switch (kind) {
      case 'blank':
      case 'separator':
        break;
      case 'tabs':
        rows.push({
          cells: line.split('\t').map((t) => ({ text: t, source: { line: lineNo } })),
          prose: false,
          source: { line: lineNo },
          loose: true,
        });
        break;
      case 'pipe':
        rows.push({ cells: pipeCells(line, lineNo), prose: false, source: { line: lineNo } });
        break;
      case 'text': {
        const plain = plainRow(line, lineNo);
        if (plain) {
          rows.push(plain);
          break;
        }
        rows.push({
          cells: [{ text: stripMarkdown(trimAll(line)), source: { line: lineNo } }],
          prose: true,
          source: { line: lineNo },
        });
        break;
      }
    }
  }
  return rows;
}
