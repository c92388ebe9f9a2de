import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app.ts';

/** A route plugin: every route file exports one, registered with the composed app (see `index.ts`). */
export type AppRoutes = FastifyPluginAsync<{ app: App }>;
