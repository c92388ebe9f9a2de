import type { Config } from './config.ts';
import type { Database } from './persistence/database.ts';
import { openDatabase } from './persistence/database.ts';
import { migrateToLatest } from './persistence/migrate.ts';
import { rekeyLegacyChain } from './persistence/repositories/event.repository.ts';
import { KEYED_CHAIN_MIGRATION } from './persistence/migrations/index.ts';
import { auditChainKey } from './security/audit-key.ts';
import { createFieldCipher } from './security/field-cipher.ts';
import { sealApplicantNames } from './services/applications/seal-names.ts';
import type { ServiceContext } from './services/context.ts';
import { createDocumentWorkers, documentPoolOptions } from './workers/pool.ts';

/** The composition root: config → database → document workers → services. The server and the CLI both build the app here. */
export interface App {
  config: Config;
  database: Database;
  ctx: ServiceContext;
  /** the demo login shown on the console's login page, when the demo agency was seeded */
  demoLogin: { username: string; password: string } | null;
  close(): Promise<void>;
}

export interface AppOptions {
  /** an already-open database (tests) instead of the one the config names */
  database?: Database;
  /** the clock (tests) */
  now?: () => Date;
  /** skip migrations (the database is already migrated) */
  migrated?: boolean;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const database =
    options.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      sqlitePath: config.sqlitePath,
      ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}),
    });
  const auditKey = auditChainKey(config.secretKey);
  if (!options.migrated) {
    const applied = await migrateToLatest(database);
    // the chain before 0010 was unkeyed: re-key it once, on the upgrade that makes it keyed
    if (applied.includes(KEYED_CHAIN_MIGRATION))
      await rekeyLegacyChain(database.db, database.dialect, auditKey);
  }
  const ctx: ServiceContext = {
    database,
    cipher: createFieldCipher(config.secretKey),
    auditKey,
    now: options.now ?? (() => new Date()),
    dataDir: config.dataDir,
    documents: createDocumentWorkers(documentPoolOptions(config.documents)),
  };
  await sealApplicantNames(ctx);
  return {
    config,
    database,
    ctx,
    demoLogin: null,
    close: async () => {
      await ctx.documents.close();
      if (!options.database) await database.close();
    },
  };
}
