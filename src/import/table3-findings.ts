import type { Finding, ReportFormat } from '../domain/report/index.ts';
import { requestRows, rowName } from '../domain/report/index.ts';
import type { PrintedRow } from './table3-rows.ts';
import { WIDTH } from './table3-rows.ts';
import type { Placement } from './table3-placement.ts';

/**
 * What the import says about table 三 once the cells are placed: rows printed with too few or too many
 * values, rows without labels read by order, rows missing, and every cell derived by arithmetic (codes
 * ending in `.derived`, listing the cells) or left undetermined (listing the cells).
 */
export function table3Findings(
  rows: readonly PrintedRow[],
  format: ReportFormat,
  placement: Placement,
  derived: Map<number, string[]>,
  unknown: Map<number, string[]>,
): Finding[] {
  const findings: Finding[] = [];
  const spec = requestRows(format);
  const { fixed, segments } = placement;
  const name = (slot: number) => rowName(format, { table: 'requests', row: spec[slot]!.key });
  const span = (slots: number[]) =>
    slots.length === 0
      ? ''
      : slots.length === 1
        ? `“${name(slots[0]!)}”行`
        : `“${name(slots[0]!)}”至“${name(slots[slots.length - 1]!)}”各行`;
  const reported = new Set<number>();
  const cellsOf = (slots: number[], m: Map<number, string[]>) => slots.flatMap((s) => m.get(s) ?? []);
  // printed rows whose values did not match the seven columns
  for (const [p, slot] of fixed) {
    const row = rows[p]!;
    if (row.aligned) continue;
    reported.add(slot);
    findings.push(
      ...rowFindings(row, name(slot), derived.get(slot) ?? [], unknown.get(slot) ?? [], spec[slot]!.key),
    );
  }
  // unlabelled rows
  for (const seg of segments) {
    const k = seg.printed.length;
    const f = seg.slots.length;
    const names = seg.slots.map(name);
    seg.slots.forEach((s) => reported.add(s));
    const d = cellsOf(seg.slots, derived);
    const u = cellsOf(seg.slots, unknown);
    const where = f > 0 ? `“${names[0]}”${f > 1 ? `至“${names[names.length - 1]}”` : ''}` : '';
    const first = seg.slots[0] !== undefined ? spec[seg.slots[0]]!.key : undefined;
    const location = { table: 'requests' as const, ...(first ? { row: first } : {}) };
    if (k > 0 && k === f && seg.candidates.length === 1)
      findings.push({
        code: 'import.requests.rows_by_order',
        severity: 'warning',
        location,
        message: `表三有 ${k} 行没有印出行标签，已按法定行序读作${where}。`,
      });
    else if (k > f)
      findings.push({
        code: 'import.requests.extra_rows',
        severity: 'error',
        location,
        actual: k,
        expected: f,
        message: `表三在${where || '此处'}印出 ${k} 行没有行标签的数据，但此处只有 ${f} 个法定行，多出的行无法对应，未读取其数值。`,
      });
    const cause =
      k === 0
        ? `表三未印出${where}${f > 1 ? `（共 ${f} 行）` : '行'}`
        : k < f
          ? `表三${where}共 ${f} 个法定行，只印出 ${k} 行且没有行标签，无法确定缺少的是哪一行`
          : seg.gaveUp
            ? `表三${where}的行没有行标签，可能的对应方式太多`
            : '';
    if (d.length > 0)
      findings.push({
        code: 'import.requests.rows.derived',
        severity: 'warning',
        location,
        cells: d,
        message: `${cause || `表三${where}的行没有行标签`}；按表三的勾稽关系，无论如何对应，${span(seg.slots.filter((s) => derived.has(s)))}的 ${d.length} 个单元格数值都相同，已按推算值填入（请核对原表）。`,
      });
    if (u.length > 0)
      findings.push({
        code: k === 0 ? 'import.requests.row_missing' : 'import.requests.rows.unplaced',
        severity: 'error',
        location,
        cells: u,
        message: `${cause || `表三${where}的行没有行标签`}，${u.length} 个单元格无法确定，按缺失处理（不按 0 计算），待核。`,
      });
  }
  // anything derived or undetermined not yet explained (e.g. cells fixed by the identities across rows)
  spec.forEach((row, r) => {
    if (reported.has(r)) return;
    const d = derived.get(r) ?? [];
    if (d.length > 0)
      findings.push({
        code: 'import.requests.cells.derived',
        severity: 'warning',
        location: { table: 'requests', row: row.key },
        cells: d,
        message: `表三“${name(r)}”行有 ${d.length} 个单元格未能直接读取，已按勾稽关系推算填入（请核对原表）。`,
      });
    const u = unknown.get(r) ?? [];
    if (u.length > 0)
      findings.push({
        code: 'import.requests.cells.unplaced',
        severity: 'error',
        location: { table: 'requests', row: row.key },
        cells: u,
        message: `表三“${name(r)}”行有 ${u.length} 个单元格无法确定，按缺失处理（不按 0 计算），待核。`,
      });
  });
  return findings;
}

function rowFindings(
  row: PrintedRow,
  name: string,
  derived: string[],
  unknown: string[],
  key: string,
): Finding[] {
  const out: Finding[] = [];
  if (row.cut) {
    out.push({
      code: 'import.requests.row_cut',
      severity: 'error',
      location: { table: 'requests', row: key },
      expected: WIDTH,
      actual: k0(row),
      ...(unknown.length > 0 ? { cells: unknown } : {}),
      message: `文档在表三“${name}”行中断：只印出前 ${k0(row)} 个单元格，已按列序读取，其余 ${unknown.length} 个单元格按缺失处理。`,
    });
    return out;
  }
  const run = row.fit.runTogether;
  if (run) {
    const unique = run.options.length === 1;
    out.push({
      code: unique ? 'import.requests.row_split' : 'import.requests.row_unreadable',
      severity: unique ? 'warning' : 'error',
      location: { table: 'requests', row: key },
      actual: run.text,
      ...(unique ? {} : { cells: unknown }),
      message: unique
        ? `表三“${name}”行的数字连在一起印出（“${run.text}”）；${run.narrowed ? '结合表三各列的勾稽关系，' : ''}只有一种拆分能使自然人与法人或其他组织各列之和等于总计，已按 ${run.options[0]!.join('、')} 读取（请核对原表）。`
        : `表三“${name}”行无法读取：数字连在一起印出（“${run.text}”），${run.gaveUp ? '可能的拆分方式太多' : run.options.length === 0 ? '没有一种拆分能使各列之和等于总计' : `有 ${run.options.length} 种拆分都能使各列之和等于总计（如 ${run.options[0]!.join('、')} 与 ${run.options[1]!.join('、')}）`}，无法确定，该行的单元格按缺失处理。`,
    });
    return out;
  }
  const k = row.tokens.length;
  const printed =
    k === 0
      ? `表三“${name}”行没有印出数值`
      : k < WIDTH
        ? `表三“${name}”行只印出 ${k} 个数（应为 ${WIDTH} 个），无法直接确定各数所在的列`
        : k > WIDTH
          ? `表三“${name}”行印出 ${k} 个数，多于 ${WIDTH} 列`
          : `表三“${name}”行的空白单元格位置无法确定`;
  if (derived.length > 0)
    out.push({
      code: 'import.requests.row.derived',
      severity: 'warning',
      location: { table: 'requests', row: key },
      expected: WIDTH,
      actual: k,
      cells: derived,
      message: `${printed}；按“自然人与法人或其他组织各列之和等于总计”等勾稽关系，无论缺的是哪一列，${derived.length} 个单元格的数值都相同，已按推算值填入（请核对原表）。`,
    });
  if (unknown.length > 0)
    out.push({
      code: 'import.requests.row.unplaced',
      severity: 'error',
      location: { table: 'requests', row: key },
      expected: WIDTH,
      actual: k,
      cells: unknown,
      message: `${printed}，${unknown.length} 个单元格无法确定，按缺失处理（不按 0 计算），待核。`,
    });
  if (derived.length === 0 && unknown.length === 0 && k !== WIDTH)
    out.push({
      code: 'import.requests.row_cells',
      severity: 'warning',
      location: { table: 'requests', row: key },
      expected: WIDTH,
      actual: k,
      message: `${printed}；各种可能的对应结果一致，已读取。`,
    });
  return out;
}

const k0 = (row: PrintedRow) => row.tokens.length;
