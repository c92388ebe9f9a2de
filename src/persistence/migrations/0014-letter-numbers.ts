import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 12 point 5 — one register of 文号 per agency. `letter_numbers` holds every number given, unique per agency
 * (and per series, year and sequence); `letter_number_counters` holds the last sequence of each series and year,
 * advanced by one atomic upsert, so a number is never given twice nor reused, even by concurrent requests.
 * Letters sent before this migration are registered under their number (the first letter carrying it, when
 * several did), and each series' counter starts after the highest number already used.
 */
export function letterNumbers(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('letter_number_counters')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('letter_number_counters_pk', ['agency_id', 'series', 'year'])
        .execute();
      await idColumn(dialect, db.schema.createTable('letter_numbers'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('letter_id', 'integer', (c) => c.references('letters.id'))
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('letter_numbers_number', ['agency_id', 'number'])
        .addUniqueConstraint('letter_numbers_sequence', ['agency_id', 'series', 'year', 'seq'])
        .execute();
      const rows = await sql<{
        id: number;
        agency_id: number;
        kind: string;
        number: string;
        year: number;
        seq: number;
        created_at: string;
        created_by: string;
      }>`select id, agency_id, kind, number, year, seq, created_at, created_by from letters order by id`.execute(
        db,
      );
      const registered = new Set<string>();
      const counters = new Map<string, { agency: number; series: string; year: number; last: number }>();
      for (const r of rows.rows) {
        const m = /^(.+)〔(\d{4})〕(\d+)号$/u.exec(r.number);
        const series = m ? m[1]! : r.number;
        const year = m ? Number(m[2]) : Number(r.year);
        const seq = m ? Number(m[3]) : Number(r.seq);
        const key = `${r.agency_id}\u0000${r.number}`;
        const counterKey = `${r.agency_id}\u0000${series}\u0000${year}`;
        const counter = counters.get(counterKey);
        if (!counter || counter.last < seq)
          counters.set(counterKey, { agency: Number(r.agency_id), series, year, last: seq });
        if (registered.has(key)) continue;
        const seqKey = `${counterKey}\u0000${seq}`;
        if (registered.has(seqKey)) continue;
        registered.add(key);
        registered.add(seqKey);
        await sql`insert into letter_numbers (agency_id, number, series, year, seq, kind, letter_id, issued_at, issued_by)
          values (${r.agency_id}, ${r.number}, ${series}, ${year}, ${seq}, ${r.kind}, ${r.id}, ${r.created_at}, ${r.created_by})`.execute(
          db,
        );
      }
      for (const c of counters.values())
        await sql`insert into letter_number_counters (agency_id, series, year, last_seq)
          values (${c.agency}, ${c.series}, ${c.year}, ${c.last})`.execute(db);
    },
  };
}
