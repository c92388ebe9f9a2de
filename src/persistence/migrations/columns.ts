import { sql } from 'kysely';
import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../database.ts';

/** An auto-incrementing integer primary key `id` in either dialect. */
export function idColumn<T extends string>(dialect: DialectName, table: CreateTableBuilder<T, never>) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', sql`integer`, (c) => c.primaryKey().autoIncrement());
}
