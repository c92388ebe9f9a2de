import { Migrator } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations(database.dialect) },
    // with a schema of its own (DATABASE_SCHEMA), look for the migrator's tables there, not in any schema
    ...(database.postgres?.schema ? { migrationTableSchema: database.postgres.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error instanceof Error ? error.message : error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
