import type { AnnualReport, Finding, RequestRowSpec } from '../domain/report/index.ts';
import { APPLICANT_COLUMNS, requestRows, rowName } from '../domain/report/index.ts';
import type { Identity, Work } from './fit.ts';
import { agree, binomial, combinations, solve, sumIdentity } from './fit.ts';
import { placeCell } from './place.ts';
import type { PrintedRow } from './table3-rows.ts';
import { printedRows, ROW_IDENTITY, WIDTH } from './table3-rows.ts';
import type { DocRow } from './types.ts';

/**
 * Table 三 (收到和处理政府信息公开申请情况). Printed rows are matched to the statutory rows by label; rows that
 * lost their label are placed by the statutory order and counts between the labelled rows around them (a
 * group heading printed in the row keeps it in its group). Where the printed rows are fewer than the statutory
 * rows between two labelled rows, every placement is tried and the rows left over are derived from the
 * identities (（七）总计 = the result rows; 一 + 二 = （七） + 四; the columns add up to 总计); a cell is placed
 * only when all placements agree. What cannot be fixed stays blank, with a finding naming the rows.
 */

/** How many placements of unlabelled rows are tried at most (each is a whole table to solve). */
const MAX_PLACEMENTS = 1000;

interface Segment {
  /** printed rows (indices into the printed list) without a label, between two labelled rows */
  printed: number[];
  /** statutory row indices free for them */
  slots: number[];
  /** candidate placements: for each printed row, a slot index or -1 (left out) */
  candidates: number[][];
  gaveUp: boolean;
}

function identities(spec: readonly RequestRowSpec[]): Identity[] {
  const at = (row: number, col: number) => row * WIDTH + col;
  const index = (key: string) => spec.findIndex((r) => r.key === key);
  const out: Identity[] = [];
  spec.forEach((_, r) =>
    out.push({
      left: ROW_IDENTITY.left.map((c) => at(r, c)),
      right: ROW_IDENTITY.right.map((c) => at(r, c)),
    }),
  );
  const results = spec.map((r, i) => (r.result ? i : -1)).filter((i) => i >= 0);
  const [total, fresh, carried, forward] = ['total', 'new_received', 'carried_over', 'carry_forward'].map(
    index,
  ) as [number, number, number, number];
  for (let c = 0; c < WIDTH; c++) {
    out.push(
      sumIdentity(
        results.map((r) => at(r, c)),
        at(total, c),
      ),
    );
    out.push({ left: [at(fresh, c), at(carried, c)], right: [at(total, c), at(forward, c)] });
  }
  return out;
}

function segmentCandidates(
  rows: readonly PrintedRow[],
  seg: Omit<Segment, 'candidates' | 'gaveUp'>,
  spec: readonly RequestRowSpec[],
) {
  const k = seg.printed.length;
  const f = seg.slots.length;
  const fits = (mapping: number[]) =>
    mapping.every((slot, i) => {
      const g = rows[seg.printed[i]!]!.group;
      return slot < 0 || g === null || spec[slot]!.group === g;
    });
  const all: number[][] = [];
  if (k === 0) return { candidates: [[]], gaveUp: false };
  if (k <= f) {
    if (binomial(f, k) > MAX_PLACEMENTS) return { candidates: [], gaveUp: true };
    for (const chosen of combinations(f, k)) all.push(chosen.map((j) => seg.slots[j]!));
  } else {
    if (binomial(k, f) > MAX_PLACEMENTS) return { candidates: [], gaveUp: true };
    for (const kept of combinations(k, f)) {
      const mapping = new Array<number>(k).fill(-1);
      kept.forEach((p, j) => (mapping[p] = seg.slots[j]!));
      all.push(mapping);
    }
  }
  const hinted = all.filter(fits);
  return { candidates: hinted.length > 0 ? hinted : all, gaveUp: false };
}

export interface Table3Result {
  findings: Finding[];
  found: boolean;
}

export function parseTable3(docRows: readonly DocRow[], report: AnnualReport): Table3Result {
  const findings: Finding[] = [];
  const format = report.format;
  const spec = requestRows(format);
  const n = spec.length;
  const rows = printedRows(docRows, format);
  if (rows.length === 0) {
    findings.push({
      code: 'import.requests.missing',
      severity: 'error',
      location: { table: 'requests' },
      message: '未找到表三（收到和处理政府信息公开申请情况），表三全部留空。',
    });
    return { findings, found: false };
  }
  const slotOf = (key: string) => spec.findIndex((r) => r.key === key);
  const name = (slot: number) => rowName(format, { table: 'requests', row: spec[slot]!.key });

  // labelled rows: the anchors (first occurrence of a label, in statutory order)
  const fixed = new Map<number, number>(); // printed index → slot
  const claimed = new Set<number>();
  const anchors: number[] = [];
  rows.forEach((row, i) => {
    if (row.key === null) return;
    const slot = slotOf(row.key);
    if (slot < 0) return;
    if (claimed.has(slot)) {
      findings.push({
        code: 'import.requests.duplicate_row',
        severity: 'warning',
        location: { table: 'requests', row: row.key },
        message: `表三“${name(slot)}”行出现了不止一次，只读取了第一次出现的数值。`,
      });
      return;
    }
    claimed.add(slot);
    fixed.set(i, slot);
    if (anchors.length === 0 || slot > fixed.get(anchors[anchors.length - 1]!)!) anchors.push(i);
    if (row.fuzzy)
      findings.push({
        code: 'import.requests.label_typo',
        severity: 'warning',
        location: { table: 'requests', row: row.key },
        actual: row.label,
        expected: row.fuzzy.label,
        message: `表三行标签“${row.label}”与法定标签“${row.fuzzy.label}”不一致，已按“${row.fuzzy.label}”读取。`,
      });
  });

  // rows without a label, between two anchors
  const segments: Segment[] = [];
  const bounds = [-1, ...anchors, rows.length];
  for (let a = 0; a + 1 < bounds.length; a++) {
    const from = bounds[a]!;
    const to = bounds[a + 1]!;
    const lo = from < 0 ? -1 : fixed.get(from)!;
    const hi = to >= rows.length ? n : fixed.get(to)!;
    const printed: number[] = [];
    for (let i = from + 1; i < to; i++) if (rows[i]!.key === null) printed.push(i);
    const slots: number[] = [];
    for (let s = lo + 1; s < hi; s++) if (!claimed.has(s)) slots.push(s);
    if (printed.length === 0 && slots.length === 0) continue;
    const base = { printed, slots };
    segments.push({ ...base, ...segmentCandidates(rows, base, spec) });
  }
  let product = 1;
  for (const seg of segments) if (!seg.gaveUp) product *= Math.max(1, seg.candidates.length);
  if (product > MAX_PLACEMENTS)
    for (const seg of segments)
      if (seg.candidates.length > 1) Object.assign(seg, { candidates: [], gaveUp: true });

  // every combination of segment placements → a filled table, solved, then agreed cell by cell
  const ids = identities(spec);
  const tables: Work[][] = [];
  const choose = (s: number, mapping: Map<number, number>) => {
    if (s === segments.length) {
      const cells: Work[] = new Array(n * WIDTH).fill(null);
      for (const [p, slot] of mapping) {
        rows[p]!.fit.slots.forEach((st, c) => {
          const at = slot * WIDTH + c;
          if (st.state === 'read') cells[at] = { value: st.token.value!, derived: false, token: st.token };
          else if (st.state === 'blank') cells[at] = { blank: st.token };
          else if (st.state === 'derived')
            cells[at] = { value: st.value, derived: true, ...(st.token ? { token: st.token } : {}) };
        });
      }
      solve(cells, ids);
      tables.push(cells);
      return;
    }
    const seg = segments[s]!;
    if (seg.gaveUp || seg.candidates.length === 0) return choose(s + 1, mapping);
    for (const cand of seg.candidates) {
      const next = new Map(mapping);
      cand.forEach((slot, j) => {
        if (slot >= 0) next.set(seg.printed[j]!, slot);
      });
      choose(s + 1, next);
    }
  };
  choose(0, fixed);
  const agreed = agree(tables, n * WIDTH);

  // place every cell; collect derived and undetermined cells per statutory row
  const derived = new Map<number, string[]>();
  const unknown = new Map<number, string[]>();
  spec.forEach((row, r) =>
    APPLICANT_COLUMNS.forEach((column, c) => {
      const placed = placeCell(report, 'requests', row.key, column, agreed[r * WIDTH + c]!);
      const bucket = placed.state === 'derived' ? derived : placed.state === 'unknown' ? unknown : null;
      if (bucket) (bucket.get(r) ?? bucket.set(r, []).get(r)!).push(placed.path);
    }),
  );

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
      ...rowFindings(
        row,
        slot,
        name(slot),
        derived.get(slot) ?? [],
        unknown.get(slot) ?? [],
        spec[slot]!.key,
      ),
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
        message: `${cause || `表三${where}的行没有行标签`}，${u.length} 个单元格无法确定，留空待核。`,
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
  });
  return { findings, found: true };
}

function rowFindings(
  row: PrintedRow,
  _slot: number,
  name: string,
  derived: string[],
  unknown: string[],
  key: string,
): Finding[] {
  const out: Finding[] = [];
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
      message: `${printed}，${unknown.length} 个单元格无法确定，留空待核。`,
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
