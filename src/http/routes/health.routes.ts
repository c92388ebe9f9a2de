import { pingDatabase } from '../../persistence/repositories/health.repository.ts';
import type { AppRoutes } from './app-routes.ts';

/** A process that is shutting down answers its health check with 503, so the proxy stops sending it work. */
let draining = false;

export function startDraining(): void {
  draining = true;
}

/**
 * The health check for the reverse proxy and the service manager: `GET /healthz` answers 200 when this process
 * serves and its database answers within 2 s, 503 otherwise (and while the process drains before it exits).
 * Public, not rate-limited, nothing in it but status.
 */
export const healthRoutes: AppRoutes = async (server, { app }) => {
  server.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    if (draining) return reply.status(503).send({ status: 'draining' });
    try {
      const ms = await Promise.race([
        pingDatabase(app.database.db),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok', database: 'ok', databaseMs: Math.round(ms * 10) / 10 };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unavailable' });
    }
  });
};
