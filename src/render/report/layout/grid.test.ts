import { describe, expect, it } from 'vitest';
import { reportLayouts } from './index.ts';
import { placeCells } from './grid.ts';
import type { TableLayout } from './types.ts';
import { label } from './types.ts';

describe('placeCells', () => {
  for (const format of ['2019', '2021'] as const)
    it(`${format}: every layout fills its rectangle; continuations sit under their cell`, () => {
      for (const layout of reportLayouts(format)) {
        const rows = placeCells(layout);
        for (const { slots } of rows)
          expect(
            slots.reduce((n, s) => n + s.cell.colSpan, 0),
            layout.table,
          ).toBe(layout.columns);
        const continued = rows.flatMap((r, i) => r.slots.filter((s) => !s.origin).map((s) => ({ s, i })));
        for (const { s, i } of continued) {
          expect(s.originRow).toBeLessThan(i);
          expect(s.originRow + s.cell.rowSpan).toBeGreaterThan(i);
        }
        expect(layout.widths).toHaveLength(layout.columns);
      }
    });

  const layout = (rows: TableLayout['parts'][number]['rows']): TableLayout => ({
    table: 'active',
    heading: 'x',
    columns: 2,
    labelColumns: 1,
    widths: [1, 1],
    parts: [{ header: false, rows }],
  });
  it('rejects a ragged, overlapping or overflowing layout', () => {
    expect(() => placeCells(layout([[label('row', 'a')], [label('row', 'b'), label('row', 'c')]]))).toThrow(
      /空位/,
    );
    expect(() =>
      placeCells(layout([[label('row', 'a', 1, 2), label('row', 'b')], [label('row', 'c', 2)]])),
    ).toThrow(/越界|重叠/);
    expect(() => placeCells(layout([[label('row', 'a', 1, 3), label('row', 'b')]]))).toThrow(/越界/);
  });
});
