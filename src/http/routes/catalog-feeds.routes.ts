import {
  latestItems,
  portalConfig,
  sitemapPageCount,
  sitemapStamps,
} from '../../services/catalog/portal.service.ts';
import { publishedReports } from '../../services/catalog/report.service.ts';
import { atomFeed, jsonFeed, rssFeed, sitemap, sitemapIndex } from '../pages/portal/feeds.ts';
import {
  hidden as hide,
  HTML,
  loose,
  noAgency,
  portalBase,
  portalRequests,
} from '../pages/portal/requests.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * New items of the portal's agency as RSS 2.0, Atom and JSON Feed (cached with the pages), the sitemap (an
 * index of a page of fixed pages and id-range pages of at most 50,000 items) and robots.txt. Addresses are
 * absolute: the agency's own host when the request came to it, else PUBLIC_URL.
 */
export const catalogFeedRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const { resolve, pageRoute } = portalRequests(app);

  const feedRoute = (type: string, render: typeof rssFeed, self: string) =>
    pageRoute(
      async (request, view) => {
        const base = await portalBase(app, request);
        const items = await latestItems(ctx, view.agency.id, 50);
        const suffix = view.agencyParam ? `?agency=${encodeURIComponent(view.agencyParam)}` : '';
        return render({
          base,
          title: `${view.agency.name} 最新公开的政府信息`,
          home: `${base}/${suffix}`,
          selfUrl: `${base}${self}${suffix}`,
          itemUrl: (id) => `${base}/items/${id}${suffix}`,
          items,
        });
      },
      '页面',
      type,
    );
  for (const [path, render, type] of [
    ['/feed.xml', rssFeed, 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', atomFeed, 'application/atom+xml; charset=utf-8'],
    ['/feed.json', jsonFeed, 'application/feed+json; charset=utf-8'],
  ] as const) {
    server.get(path, { schema: { ...hide, querystring: loose(['agency']) } }, feedRoute(type, render, path));
  }

  server.get(
    '/sitemap.xml',
    { schema: { ...hide, querystring: loose(['agency']) } },
    async (request, reply) => {
      const { agency, param } = await resolve(request);
      if (!agency) return reply.status(404).type(HTML).send(noAgency(param));
      const base = await portalBase(app, request);
      const suffix = param ? `?agency=${encodeURIComponent(param)}` : '';
      const pages = await sitemapPageCount(ctx, agency.id);
      const urls = [
        `${base}/sitemap-pages.xml${suffix}`,
        ...Array.from({ length: pages }, (_, n) => `${base}/sitemap-items-${n}.xml${suffix}`),
      ];
      return reply.type('application/xml; charset=utf-8').send(sitemapIndex(urls));
    },
  );

  server.get(
    '/sitemap-pages.xml',
    { schema: { ...hide, querystring: loose(['agency']) } },
    async (request, reply) => {
      const { agency, param } = await resolve(request);
      if (!agency) return reply.status(404).type(HTML).send(noAgency(param));
      const base = await portalBase(app, request);
      const suffix = param ? `?agency=${encodeURIComponent(param)}` : '';
      const { categories } = await portalConfig(ctx, agency.id);
      const reports = await publishedReports(ctx, agency.id);
      const paths = [
        '/',
        '/catalog',
        '/guide',
        '/apply',
        '/status',
        '/reports',
        ...categories.map((c) => `/catalog/${c.code}`),
        ...reports.map((r) => `/reports/${r.year}`),
      ];
      return reply
        .type('application/xml; charset=utf-8')
        .send(sitemap(paths.map((p) => ({ url: `${base}${p}${suffix}` }))));
    },
  );

  server.get(
    '/sitemap-items-:n.xml',
    { schema: { ...hide, params: loose(['n']), querystring: loose(['agency']) } },
    async (request, reply) => {
      const { agency, param } = await resolve(request);
      const n = Number((request.params as { n: string }).n);
      if (!agency || !Number.isInteger(n) || n < 0 || n > 100_000)
        return reply.status(404).type(HTML).send(noAgency(param));
      const base = await portalBase(app, request);
      const suffix = param ? `?agency=${encodeURIComponent(param)}` : '';
      const stamps = await sitemapStamps(ctx, agency.id, n);
      return reply
        .type('application/xml; charset=utf-8')
        .send(sitemap(stamps.map((s) => ({ url: `${base}/items/${s.id}${suffix}`, lastmod: s.updatedAt }))));
    },
  );

  server.get('/robots.txt', { schema: hide }, async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nDisallow: /api/\nDisallow: /console/\nSitemap: ${await portalBase(app, request)}/sitemap.xml\n`,
      ),
  );
};
