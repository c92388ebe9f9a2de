import type { Config } from './config.ts';
import type { Database } from './persistence/database.ts';
import { openDatabase } from './persistence/database.ts';
import { migrateToLatest } from './persistence/migrate.ts';
import { createFieldCipher } from './security/field-cipher.ts';
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
  if (!options.migrated) await migrateToLatest(database);
  const ctx: ServiceContext = {
    database,
    cipher: createFieldCipher(config.secretKey),
    now: options.now ?? (() => new Date()),
    dataDir: config.dataDir,
    documents: createDocumentWorkers(documentPoolOptions(config.documents)),
  };
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
