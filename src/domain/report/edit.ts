import { parseCellPath } from './cell.ts';
import { isPlainNumberText, readCellText } from './cell-text.ts';
import type { Finding } from './finding.ts';
import type { AnnualReport } from './model.ts';
import { cloneReport, getCell, setCell, tableOf } from './model.ts';

/**
 * Cells corrected by hand (e.g. after an import): each edit is the text typed into a cell, read like printed
 * text ("12", "", "1,234", "-53万元"). Text that is not a plain number is kept as the cell's printed text so
 * the validator reports it. An edit for a cell the report's format does not have is refused with a finding.
 */
export function applyCellEdits(
  report: AnnualReport,
  edits: Record<string, string>,
): { report: AnnualReport; findings: Finding[]; changed: string[] } {
  const next = cloneReport(report);
  const findings: Finding[] = [];
  const changed: string[] = [];
  for (const [path, text] of Object.entries(edits)) {
    const ref = parseCellPath(path);
    if (
      !ref ||
      !(ref.row in tableOf(next, ref.table)) ||
      !(ref.column in (tableOf(next, ref.table)[ref.row] ?? {}))
    ) {
      findings.push({
        code: 'edit.unknown_cell',
        severity: 'error',
        location: { table: 'meta' },
        actual: path,
        message: `单元格“${path}”不属于 ${next.format} 年版格式，修改未采用。`,
      });
      continue;
    }
    const reading = readCellText(text);
    const before = getCell(next, ref.table, ref.row, ref.column);
    const printedBefore = next.cellText?.[path];
    setCell(next, ref.table, ref.row, ref.column, reading.value);
    const plain = text.trim() === '' || (reading.value !== null && isPlainNumberText(text, reading.value));
    const cellText = { ...(next.cellText ?? {}) };
    if (plain) delete cellText[path];
    else cellText[path] = text.trim();
    next.cellText = cellText;
    if (next.sources) delete next.sources[path];
    // a cell typed in by a person is known, even when left blank
    const wasMissing = next.missing?.includes(path) ?? false;
    if (next.missing) next.missing = next.missing.filter((p) => p !== path);
    if (next.missing?.length === 0) delete next.missing;
    if (wasMissing) changed.push(path);
    if (!wasMissing && (before !== reading.value || (printedBefore ?? null) !== (plain ? null : text.trim())))
      changed.push(path);
  }
  if (next.cellText && Object.keys(next.cellText).length === 0) delete next.cellText;
  return { report: next, findings, changed };
}
