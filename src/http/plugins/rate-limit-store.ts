import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../../persistence/database.ts';
import { hitRateLimit } from '../../persistence/repositories/rate-limit.repository.ts';

/**
 * A store for @fastify/rate-limit that counts in the database, so a limit holds across every server process on
 * the same database (two processes behind a proxy refuse the 11th submission of a minute between them, not each
 * the 11th of its own). Each route with a limit gets its own key space (`METHOD url|client`). Fixed windows, as
 * the plugin's own stores count.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly scope = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = Date.now();
      hitRateLimit(database.db, `${this.scope}|${key}`, timeWindow, now).then(
        ({ hits, windowEndsAt }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAt - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // what the plugin passes is its merged parameters with the route under `routeInfo`
      const routeOptions = options as unknown as {
        routeInfo?: { method?: string | string[]; url?: string };
        groupId?: string;
      };
      const info = routeOptions.routeInfo ?? {};
      const method = [info.method ?? ''].flat().join(',');
      return new DatabaseStore(null, routeOptions.groupId ?? `${method} ${info.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
