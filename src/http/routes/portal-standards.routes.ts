import { portalStandardCatalog } from '../../services/catalog/portal-standards.service.ts';
import { standardsPage } from '../pages/portal/standards.page.ts';
import { hidden, loose, portalRequests } from '../pages/portal/requests.ts';
import type { AppRoutes } from './app-routes.ts';

/** The portal's 政务公开事项标准目录 page (issue 18): each 事项 with the information published under it. */
export const portalStandardsRoutes: AppRoutes = async (server, { app }) => {
  const { pageRoute } = portalRequests(app);
  server.get(
    '/standards',
    { schema: { ...hidden, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) =>
      standardsPage(view, await portalStandardCatalog(app.ctx, view.agency.id)),
    ),
  );
};
