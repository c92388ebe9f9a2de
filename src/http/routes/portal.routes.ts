import { isValidity } from '../../domain/catalog/index.ts';
import type { Validity } from '../../domain/catalog/index.ts';
import { openAttachment } from '../../services/catalog/attachment.service.ts';
import {
  catalogTree,
  categoryPage,
  latestItems,
  portalConfig,
  portalGuide,
  portalItem,
  portalSearch,
} from '../../services/catalog/portal.service.ts';
import { publishedReport, publishedReports } from '../../services/catalog/report.service.ts';
import { todayInChina } from '../../services/context.ts';
import { catalogTreePage, categoryPageHtml } from '../pages/portal/catalog.page.ts';
import { guidePage } from '../pages/portal/guide.page.ts';
import { homePage } from '../pages/portal/home.page.ts';
import { itemPage } from '../pages/portal/item.page.ts';
import { portalNotFound } from '../pages/portal/not-found.page.ts';
import { reportPage, reportsPage } from '../pages/portal/reports.page.ts';
import {
  hidden as hide,
  HTML,
  LARGE_TEXT_COOKIE,
  loose,
  noAgency,
  pageNumber,
  portalRequests,
  positive,
} from '../pages/portal/requests.ts';
import { searchPage } from '../pages/portal/search.page.ts';
import { sendAttachment } from './catalog-files.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The public portal (server-rendered, no JavaScript needed): home, the catalog, item pages and attachments,
 * search, the 指南, annual reports, and the 适老化 large-text switch. The portal serves one agency — `?agency=CODE`,
 * else the default agency (settings.portal.default, else the first top-level agency) — and carries the code in
 * its links. Rendered pages are cached until the catalog changes. Feeds and the sitemap: catalog-feeds.routes.ts;
 * the online application form and status page: portal-apply.routes.ts.
 */
export const portalRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const { resolve, viewOf, pageRoute } = portalRequests(app);

  server.get(
    '/',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => {
      const [latest, categories, reports] = await Promise.all([
        latestItems(ctx, view.agency.id, 12),
        catalogTree(ctx, view.agency.id),
        publishedReports(ctx, view.agency.id),
      ]);
      return homePage(view, { latest, categories, reports });
    }),
  );

  server.get(
    '/catalog',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => catalogTreePage(view, await catalogTree(ctx, view.agency.id))),
  );

  server.get(
    '/catalog/:code',
    { schema: { ...hide, params: loose(['code']), querystring: loose(['agency', 'page']) } },
    pageRoute(async (request, view) => {
      const { code } = request.params as { code: string };
      const data = await categoryPage(ctx, view.agency.id, code, pageNumber(request));
      return data ? categoryPageHtml(view, data) : null;
    }, '目录分类'),
  );

  server.get(
    '/items/:id',
    { schema: { ...hide, params: loose(['id']), querystring: loose(['agency']) } },
    pageRoute(async (request, view) => {
      const id = positive((request.params as { id: string }).id);
      const data = id ? await portalItem(ctx, view.agency.id, id) : null;
      return data ? itemPage(view, data) : null;
    }, '信息'),
  );

  server.get(
    '/items/:id/attachments/:attachmentId',
    { schema: { ...hide, params: loose(['id', 'attachmentId']), querystring: loose(['agency']) } },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: string; attachmentId: string };
      const { agency, param } = await resolve(request);
      const [itemId, fileId] = [positive(id), positive(attachmentId)];
      const data = agency && itemId ? await portalItem(ctx, agency.id, itemId) : null;
      if (!agency || !data || !fileId || !data.attachments.some((a) => a.id === fileId))
        return reply
          .status(404)
          .type(HTML)
          .send(agency ? portalNotFound(viewOf(request, agency, param), '附件') : noAgency(param));
      return sendAttachment(reply, await openAttachment(ctx, request.principal, data.item.id, fileId), true);
    },
  );

  server.get(
    '/search',
    {
      schema: {
        ...hide,
        querystring: loose(['agency', 'q', 'category', 'year', 'validity', 'sort', 'page']),
      },
    },
    pageRoute(async (request, view) => {
      const q = request.query as Record<string, string | undefined>;
      const { categories } = await portalConfig(ctx, view.agency.id);
      const thisYear = Number(todayInChina(ctx).slice(0, 4));
      const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
      const input = {
        q: (q.q ?? '').trim().slice(0, 100),
        ...(q.category && categories.some((c) => c.code === q.category) ? { category: q.category } : {}),
        ...(q.year && /^\d{4}$/.test(q.year) ? { year: Number(q.year) } : {}),
        ...(isValidity(q.validity) ? { validity: q.validity as Validity } : {}),
        sort: q.sort === 'date' ? ('date' as const) : ('relevance' as const),
        page: pageNumber(request),
      };
      if (!input.q)
        return searchPage(view, {
          input,
          categories,
          years,
          result: null,
          ...(q.q !== undefined ? { error: '请输入要搜索的关键词' } : {}),
        });
      const result = await portalSearch(ctx, view.agency.id, input);
      return searchPage(view, {
        input,
        categories,
        years,
        result,
        ...(result.tokens.length === 0 ? { error: '关键词中没有可搜索的文字或数字，请换个关键词' } : {}),
      });
    }),
  );

  server.get(
    '/guide',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => guidePage(view, await portalGuide(ctx, view.agency))),
  );

  server.get(
    '/reports',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => reportsPage(view, await publishedReports(ctx, view.agency.id))),
  );

  server.get(
    '/reports/:year',
    { schema: { ...hide, params: loose(['year']), querystring: loose(['agency']) } },
    pageRoute(async (request, view) => {
      const year = positive((request.params as { year: string }).year);
      const found = year ? await publishedReport(ctx, view.agency.id, year) : null;
      return found ? reportPage(view, found.meta, found.report) : null;
    }, '年度报告'),
  );

  server.get(
    '/reports/:year/download.docx',
    { schema: { ...hide, params: loose(['year']), querystring: loose(['agency']) } },
    async (request, reply) => {
      const { agency, param } = await resolve(request);
      const year = positive((request.params as { year: string }).year);
      const found = agency && year ? await publishedReport(ctx, agency.id, year) : null;
      if (!agency || !found)
        return reply
          .status(404)
          .type(HTML)
          .send(agency ? portalNotFound(viewOf(request, agency, param), '年度报告') : noAgency(param));
      const body = await ctx.documents.renderReport(found.report, 'docx');
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(`${found.meta.title}.docx`)}`,
        )
        .send(body);
    },
  );

  server.get(
    '/display',
    { schema: { ...hide, querystring: loose(['large', 'back']) } },
    async (request, reply) => {
      const { large, back } = request.query as { large?: string; back?: string };
      const target = back && /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/';
      if (large === '1')
        void reply.setCookie(LARGE_TEXT_COOKIE, '1', {
          path: '/',
          maxAge: 365 * 86400,
          sameSite: 'lax',
          httpOnly: true,
          secure: app.config.tls,
        });
      else void reply.clearCookie(LARGE_TEXT_COOKIE, { path: '/' });
      return reply.redirect(target, 303);
    },
  );
};
