import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app.ts';
import { authRoutes } from './auth.routes.ts';
import { consoleRoutes } from './console.routes.ts';
import { reportToolRoutes } from './report-tool.routes.ts';

export type AppRoutes = FastifyPluginAsync<{ app: App }>;

/** Every route plugin. Add a route file and one line here. */
export const routes: readonly AppRoutes[] = [authRoutes, consoleRoutes, reportToolRoutes];
