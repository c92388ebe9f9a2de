import { trimAll } from './normalise.ts';
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

export function textRows(text: string): DocRow[] {
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
      case 'text':
        rows.push({
          cells: [{ text: stripMarkdown(trimAll(line)), source: { line: lineNo } }],
          prose: true,
          source: { line: lineNo },
        });
        break;
    }
  }
  return rows;
}
