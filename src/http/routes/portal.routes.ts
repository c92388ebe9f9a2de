import type { FastifyReply, FastifyRequest } from 'fastify';
import { isValidity } from '../../domain/catalog/index.ts';
import type { Validity } from '../../domain/catalog/index.ts';
import { renderReport } from '../../render/report/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { openAttachment } from '../../services/catalog-attachment.service.ts';
import {
  catalogTree,
  categoryPage,
  latestItems,
  portalAgency,
  portalConfig,
  portalGuide,
  portalItem,
  portalSearch,
  sitemapPageCount,
  sitemapStamps,
} from '../../services/catalog-portal.service.ts';
import { publishedReport, publishedReports } from '../../services/catalog-report.service.ts';
import { submitOnline } from '../../services/applications/intake.ts';
import { lookupByTrackingCode } from '../../services/applications/queries.ts';
import { todayInChina } from '../../services/context.ts';
import { AppError } from '../../domain/errors.ts';
import { randomToken } from '../../security/tokens.ts';
import { FORM_CSRF_COOKIE } from '../plugins/auth.ts';
import { emptyValues, readApplyForm, toApplicationInput } from '../pages/portal/apply-form.ts';
import { appliedPage, applyPage } from '../pages/portal/apply.page.ts';
import { statusPage } from '../pages/portal/status.page.ts';
import { html } from '../pages/html.ts';
import { page } from '../pages/layout.ts';
import { catalogTreePage, categoryPageHtml } from '../pages/portal/catalog.page.ts';
import { atomFeed, jsonFeed, rssFeed, sitemap, sitemapIndex } from '../pages/portal/feeds.ts';
import { guidePage } from '../pages/portal/guide.page.ts';
import { homePage } from '../pages/portal/home.page.ts';
import { itemPage } from '../pages/portal/item.page.ts';
import { portalNotFound } from '../pages/portal/not-found.page.ts';
import { PageCache } from '../pages/portal/page-cache.ts';
import { reportPage, reportsPage } from '../pages/portal/reports.page.ts';
import { searchPage } from '../pages/portal/search.page.ts';
import type { PortalView } from '../pages/portal/shell.ts';
import { sendAttachment } from './catalog-files.ts';
import type { AppRoutes } from './index.ts';

/**
 * The public portal (server-rendered, no JavaScript needed): home, the catalog, item pages, search, the 指南,
 * annual reports, feeds and the sitemap. The portal serves one agency — `?agency=CODE`, else the default agency
 * (settings.portal.default, else the first top-level agency) — and carries the code in its links. The 适老化
 * large-text mode is a cookie set by /display. Rendered pages are cached until the catalog changes.
 */
export const LARGE_TEXT_COOKIE = 'gk_large';
const HTML = 'text/html; charset=utf-8';
const CODE = /^[0-9A-Za-z-]{2,32}$/;
const loose = (names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength: 200 }])),
});

export const portalRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const cache = new PageCache();
  const agencies = new PageCache(100, 30_000);
  const base = app.config.publicUrl;

  async function resolve(request: FastifyRequest): Promise<{ agency: Agency | null; param: string | null }> {
    const raw = (request.query as { agency?: string }).agency;
    const param = raw && CODE.test(raw) ? raw : null;
    if (raw && !param) return { agency: null, param: null };
    const key = param ?? '';
    const cached = agencies.get(key);
    if (cached) return { agency: JSON.parse(cached) as Agency, param };
    const agency = await portalAgency(ctx, param);
    if (agency) agencies.set(key, JSON.stringify(agency));
    return { agency, param };
  }

  function viewOf(request: FastifyRequest, agency: Agency, param: string | null): PortalView {
    return {
      agency,
      agencyParam: param,
      largeText: request.cookies[LARGE_TEXT_COOKIE] === '1',
      path: request.url,
    };
  }

  /** Serves a page through the cache; `render` returns null for "not found". */
  function pageRoute(
    render: (request: FastifyRequest, view: PortalView) => Promise<string | null>,
    what = '页面',
    type = HTML,
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const { agency, param } = await resolve(request);
      if (!agency) return reply.status(404).type(HTML).send(noAgency(param));
      const view = viewOf(request, agency, param);
      const key = `${view.largeText ? 'L' : 'N'}${request.url}`;
      const hit = cache.get(key);
      if (hit) return reply.type(type).header('cache-control', 'no-cache').send(hit);
      const body = await render(request, view);
      if (body === null) return reply.status(404).type(HTML).send(portalNotFound(view, what));
      cache.set(key, body);
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    };
  }

  const hide = { hide: true };

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
      const body = await renderReport(found.report, 'docx');
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

  // feeds and the sitemap
  const feedRoute = (type: string, render: typeof rssFeed, self: string) =>
    pageRoute(
      async (_request, view) => {
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
      if (!agency || !Number.isInteger(n) || n < 0 || n > 100_000) return reply.status(404).type(HTML).send(noAgency(param));
      const suffix = param ? `?agency=${encodeURIComponent(param)}` : '';
      const stamps = await sitemapStamps(ctx, agency.id, n);
      return reply
        .type('application/xml; charset=utf-8')
        .send(sitemap(stamps.map((s) => ({ url: `${base}/items/${s.id}${suffix}`, lastmod: s.updatedAt }))));
    },
  );

  // 依申请公开: the online form and the status page (the application service does the work)
  function formToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[FORM_CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
    const token = randomToken(24);
    void reply.setCookie(FORM_CSRF_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.tls,
    });
    return token;
  }
  const formValid = (request: FastifyRequest) => {
    const sent = (request.body as Record<string, unknown> | undefined)?._form;
    const cookie = request.cookies[FORM_CSRF_COOKIE];
    return typeof sent === 'string' && !!cookie && sent === cookie;
  };
  const EXPIRED = { field: 'form', message: '表单已过期（或浏览器未启用 Cookie），请重新提交' };
  const EXPIRED_LIST = [EXPIRED];
  const noStore = (reply: FastifyReply) => reply.type(HTML).header('cache-control', 'no-store');

  async function portalView(request: FastifyRequest, reply: FastifyReply): Promise<PortalView | null> {
    const { agency, param } = await resolve(request);
    if (!agency) {
      void noStore(reply).status(404).send(noAgency(param));
      return null;
    }
    return viewOf(request, agency, param);
  }

  server.get(
    '/apply',
    { schema: { ...hide, querystring: loose(['agency', 'title', 'docNumber']) } },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const q = request.query as { title?: string; docNumber?: string };
      const values = emptyValues({
        ...(q.title ? { title: q.title.slice(0, 200) } : {}),
        ...(q.docNumber ? { docNumber: q.docNumber.slice(0, 100) } : {}),
      });
      return noStore(reply).send(
        applyPage(view, {
          values,
          problems: [],
          tokens: { form: formToken(request, reply), session: request.csrfToken },
        }),
      );
    },
  );

  server.post(
    '/apply',
    {
      schema: { ...hide, querystring: loose(['agency']) },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const values = readApplyForm((request.body ?? {}) as Record<string, unknown>);
      const again = (problems: { field: string; message: string }[]) =>
        noStore(reply)
          .status(problems === EXPIRED_LIST ? 403 : 400)
          .send(
            applyPage(view, {
              values,
              problems,
              tokens: { form: formToken(request, reply), session: request.csrfToken },
            }),
          );
      if (!formValid(request)) return again(EXPIRED_LIST);
      try {
        const { application, secret } = await submitOnline(ctx, view.agency.id, toApplicationInput(values));
        return noStore(reply).send(
          appliedPage(view, {
            trackingCode: application.trackingCode,
            secret,
            receivedOn: application.application.receivedOn,
            replyDue: application.application.deadlines.reply?.date ?? null,
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const problems = Array.isArray(error.details)
          ? (error.details as { field: string; message: string }[])
          : [{ field: error.field ?? 'form', message: error.message }];
        return again(problems);
      }
    },
  );
  server.get('/status', { schema: { ...hide, querystring: loose(['agency']) } }, async (request, reply) => {
    const view = await portalView(request, reply);
    if (!view) return reply;
    return noStore(reply).send(
      statusPage(view, {
        trackingCode: '',
        error: null,
        result: null,
        tokens: { form: formToken(request, reply), session: request.csrfToken },
      }),
    );
  });

  server.post(
    '/status',
    {
      schema: { ...hide, querystring: loose(['agency']) },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const trackingCode = typeof body.trackingCode === 'string' ? body.trackingCode.trim().slice(0, 40) : '';
      const secret = typeof body.secret === 'string' ? body.secret.trim().slice(0, 40) : '';
      const tokens = { form: formToken(request, reply), session: request.csrfToken };
      const fail = (status: number, error: string) =>
        noStore(reply)
          .status(status)
          .send(statusPage(view, { trackingCode, error, result: null, tokens }));
      if (!formValid(request)) return fail(403, EXPIRED.message);
      if (!trackingCode || !secret) return fail(400, '请填写查询码和查询密码');
      try {
        const result = await lookupByTrackingCode(ctx, trackingCode, secret);
        return noStore(reply).send(statusPage(view, { trackingCode, error: null, result, tokens }));
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation'))
          return fail(404, error.message);
        throw error;
      }
    },
  );

  server.get('/robots.txt', { schema: hide }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(`User-agent: *\nDisallow: /api/\nDisallow: /console/\nSitemap: ${base}/sitemap.xml\n`),
  );
};

function positive(text: string | undefined): number | null {
  return text && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function pageNumber(request: FastifyRequest): number {
  return Math.min(positive((request.query as { page?: string }).page) ?? 1, 10_000);
}

function noAgency(code: string | null): string {
  return page({
    title: '政府信息公开',
    body: code
      ? html`<h1>没有这个机关</h1>
          <p>找不到机构代码为“${code}”的行政机关。<a href="/">返回首页</a></p>`
      : html`<h1>政府信息公开网站尚未设置</h1>
          <p>系统中还没有行政机关。请管理员登录<a href="/console/">工作台</a>完成设置。</p>`,
  });
}
