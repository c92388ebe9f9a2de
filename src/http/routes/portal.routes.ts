import { createHash } from 'node:crypto';
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
  loose,
  noAgency,
  pageNumber,
  portalRequests,
  positive,
} from '../pages/portal/requests.ts';
import { searchPage } from '../pages/portal/search.page.ts';
import {
  changedDisplay,
  DISPLAY_COOKIE,
  displayCss,
  readDisplay,
  writeDisplay,
} from '../pages/portal/display.ts';
import { displayPage } from '../pages/portal/display.page.ts';
import { contactPage, siteMapPage } from '../pages/portal/site-map.page.ts';
import { readGuideSettings } from '../../domain/catalog/index.ts';
import { sendAttachment } from './catalog-files.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The public portal (server-rendered, no JavaScript needed): home, the catalog, item pages and attachments,
 * search, the 指南, annual reports, and the 适老化 display settings (/display, /display.css). The portal serves one agency — `?agency=CODE`,
 * else the default agency (settings.portal.default, else the first top-level agency) — and carries the code in
 * its links. Item and catalog pages are stored when rendered (page-store.ts); others are cached briefly. Feeds and the sitemap: catalog-feeds.routes.ts;
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
        querystring: loose(['agency', 'q', 'category', 'year', 'validity', 'docNumber', 'sort', 'page']),
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
        ...(q.docNumber?.trim() ? { docNumber: q.docNumber.trim().slice(0, 50) } : {}),
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
    '/sitemap',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => siteMapPage(view, await catalogTree(ctx, view.agency.id))),
  );

  server.get(
    '/contact',
    { schema: { ...hide, querystring: loose(['agency']) } },
    pageRoute(async (_request, view) => {
      const { office } = readGuideSettings(view.agency.settings);
      return contactPage(view, office, office.name ?? `${view.agency.name}政府信息公开工作机构`);
    }),
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

  server.get('/display.css', { schema: { ...hide } }, async (request, reply) => {
    const css = displayCss(readDisplay(request.cookies[DISPLAY_COOKIE]));
    const etag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 16)}"`;
    void reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'cookie');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/css; charset=utf-8').send(css);
  });

  server.get(
    '/display',
    { schema: { ...hide, querystring: loose(['size', 'contrast', 'spacing', 'large', 'back', 'agency']) } },
    async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const target = q.back && /^\/(?![/\\])[^\s]*$/.test(q.back) ? q.back : '/';
      const current = readDisplay(request.cookies[DISPLAY_COOKIE]);
      const flip = (v: string | undefined, was: boolean) => (v === 'toggle' ? (was ? '0' : '1') : v);
      const asked: Record<string, string | undefined> = {
        ...q,
        contrast: flip(q.contrast, current.contrast),
        spacing: flip(q.spacing, current.spacing),
      };
      if (!['size', 'contrast', 'spacing', 'large'].some((k) => asked[k] !== undefined)) {
        const { agency, param } = await resolve(request);
        if (!agency) return reply.status(404).type(HTML).send(noAgency(param));
        return reply.type(HTML).send(displayPage(viewOf(request, agency, param), current, target));
      }
      const next = changedDisplay(current, asked);
      // not httpOnly: display.js reads it to mark the settings in force
      void reply.setCookie(DISPLAY_COOKIE, writeDisplay(next), {
        path: '/',
        maxAge: 365 * 86400,
        sameSite: 'lax',
        httpOnly: false,
        secure: app.config.tls,
      });
      return reply.redirect(target, 303);
    },
  );
};
