import type { App } from '../app.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** Runs a CLI command against the configured database (the same composition root as the server). */
export async function withApp<T>(body: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(loadConfig(), { changeFeed: true });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
