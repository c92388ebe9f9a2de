import type { AppRoutes } from './app-routes.ts';
import { adminRoutes } from './admin.routes.ts';
import { appealRoutes } from './appeals.routes.ts';
import { applicationFileRoutes } from './application-files.routes.ts';
import { applicationRoutes } from './applications.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { catalogFeedRoutes } from './catalog-feeds.routes.ts';
import { catalogRegisterRoutes } from './catalog-register.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { consoleRoutes } from './console.routes.ts';
import { cosignRoutes } from './cosign.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { letterRoutes } from './letters.routes.ts';
import { portalApplyRoutes } from './portal-apply.routes.ts';
import { portalRoutes } from './portal.routes.ts';
import { portalStandardsRoutes } from './portal-standards.routes.ts';
import { publicApplicationRoutes } from './public-applications.routes.ts';
import { reminderRoutes } from './reminders.routes.ts';
import { reportToolRoutes } from './report-tool.routes.ts';
import { reportWorkspaceRoutes } from './report-workspace.routes.ts';
import { standardCatalogRoutes } from './standard-catalog.routes.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { table3Routes } from './table3.routes.ts';

/** Every route plugin. Add a route file and one line here. */
export const routes: readonly AppRoutes[] = [
  healthRoutes,
  authRoutes,
  adminRoutes,
  applicationRoutes,
  applicationFileRoutes,
  letterRoutes,
  publicApplicationRoutes,
  calendarRoutes,
  table3Routes,
  reminderRoutes,
  cosignRoutes,
  consoleRoutes,
  reportToolRoutes,
  catalogRoutes,
  catalogRegisterRoutes,
  standardCatalogRoutes,
  portalRoutes,
  portalStandardsRoutes,
  portalApplyRoutes,
  catalogFeedRoutes,
  appealRoutes,
  reportWorkspaceRoutes,
  supervisionRoutes,
];
