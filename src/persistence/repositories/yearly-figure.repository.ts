import type { Kysely } from 'kysely';
import type { YearlyFigure } from '../../domain/catalog/index.ts';
import type { Schema } from '../schema.ts';

/** An entered figure with who entered it and when. */
export interface StoredFigure extends YearlyFigure {
  updatedBy: number | null;
  updatedAt: string;
}

export async function figuresOf(db: Kysely<Schema>, agencyId: number, year: number): Promise<StoredFigure[]> {
  const rows = await db
    .selectFrom('yearly_figures')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('cell')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    key: r.cell,
    value: Number(r.value),
    note: r.note,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** Inserts or replaces figures (in the caller's transaction). */
export async function upsertFigures(
  db: Kysely<Schema>,
  agencyId: number,
  figures: readonly YearlyFigure[],
  by: number | null,
  at: string,
): Promise<void> {
  for (const f of figures)
    await db
      .insertInto('yearly_figures')
      .values({
        agency_id: agencyId,
        year: f.year,
        cell: f.key,
        value: f.value,
        note: f.note,
        updated_by: by,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year', 'cell'])
          .doUpdateSet({ value: f.value, note: f.note, updated_by: by, updated_at: at }),
      )
      .execute();
}

export async function deleteFigure(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
  cell: string,
): Promise<number> {
  const result = await db
    .deleteFrom('yearly_figures')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('cell', '=', cell)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
