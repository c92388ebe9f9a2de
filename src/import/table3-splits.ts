import type { ReportFormat } from '../domain/report/index.ts';
import { requestRows } from '../domain/report/index.ts';
import { agree } from './fit.ts';
import { splitCells } from './run-together.ts';
import { identities } from './table3-placement.ts';
import type { PrintedRow } from './table3-rows.ts';
import { WIDTH } from './table3-rows.ts';

/**
 * Rows of table 三 printed run together with more than one split that makes the row add up: the table's
 * identities (（七）总计 = the result rows; 一 + 二 = （七） + 四) decide between them, using the cells the other
 * labelled rows print. A split is accepted only when it is the only one left; otherwise the row stays
 * unreadable.
 */
export function narrowSplits(rows: readonly PrintedRow[], format: ReportFormat): void {
  const spec = requestRows(format);
  const ids = identities(spec);
  const slotOf = (key: string | null) => (key === null ? -1 : spec.findIndex((r) => r.key === key));
  const ambiguous = () =>
    rows.filter((r) => slotOf(r.key) >= 0 && (r.fit.runTogether?.options.length ?? 0) > 1);
  let changed = true;
  while (changed) {
    changed = false;
    const known: (number | null)[] = new Array<number | null>(spec.length * WIDTH).fill(null);
    for (const row of rows) {
      const slot = slotOf(row.key);
      if (slot < 0) continue;
      row.fit.slots.forEach((st, c) => {
        if (st.state === 'read') known[slot * WIDTH + c] = st.token.value;
        else if (st.state === 'derived') known[slot * WIDTH + c] = st.value;
      });
    }
    for (const row of ambiguous()) {
      const slot = slotOf(row.key);
      const mine = new Set(Array.from({ length: WIDTH }, (_, c) => slot * WIDTH + c));
      const relevant = ids.filter((id) => [...id.left, ...id.right].some((i) => mine.has(i)));
      const keep = row.fit.runTogether!.options.filter((values) => {
        const cells = known.slice();
        values.forEach((v, c) => (cells[slot * WIDTH + c] = v));
        return relevant.every(({ left, right }) => {
          const all = [...left, ...right];
          if (all.some((i) => cells[i] === null)) return true; // cannot be checked: no evidence either way
          const sum = (xs: number[]) => xs.reduce((a, i) => a + cells[i]!, 0);
          return sum(left) === sum(right);
        });
      });
      if (keep.length === 1) {
        row.fit.runTogether!.options = keep;
        row.fit.runTogether!.narrowed = true;
        row.fit.slots = agree([splitCells(row.tokens, keep[0]!)], WIDTH);
        changed = true;
      }
    }
  }
}
