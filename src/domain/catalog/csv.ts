/**
 * A CSV reader (RFC 4180: quoted fields with doubled quotes, embedded commas and line breaks; CRLF or LF; a
 * leading UTF-8 BOM ignored). Returns rows of cell texts; completely empty lines are dropped but keep their
 * place in the numbering the importer reports (row numbers are those a spreadsheet shows).
 */
export interface CsvRow {
  /** 1-based line number of the row's first line */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): { rows: CsvRow[]; error: string | null } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted) return { rows, error: `第 ${rowLine} 行：引号未闭合` };
  if (cell !== '' || cells.length > 0) endRow();
  return { rows, error: null };
}
