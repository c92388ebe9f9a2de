import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../app.ts';
import type { Agency } from '../../../persistence/repositories/agency.repository.ts';
import { agencyDirectory, agencyForHost } from '../../../services/catalog/portal-host.service.ts';
import { portalAgency } from '../../../services/catalog/portal.service.ts';
import { agencyDirectoryPage } from './agencies.page.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { portalNotFound } from './not-found.page.ts';
import { PageCache } from './page-cache.ts';
import type { PortalView } from './shell.ts';

/**
 * What every portal route does with a request: find the portal's agency (the host's, from the agencies'
 * `domains`; else `?agency=CODE` or the path prefix `/a/CODE/`; else the default one),
 * build the page's view (agency, the 适老化 large-text cookie, the path) and serve pages through the page cache.
 * Query strings are read leniently: a malformed parameter is ignored, never answered with a JSON error.
 */
export const LARGE_TEXT_COOKIE = 'gk_large';
export const HTML = 'text/html; charset=utf-8';
const CODE = /^[0-9A-Za-z-]{2,32}$/;

/** A query or params schema of optional strings (the pages parse and check them themselves). */
export const loose = (names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength: 200 }])),
});

export const hidden = { hide: true };

export interface PortalRequests {
  resolve(request: FastifyRequest): Promise<{ agency: Agency | null; param: string | null }>;
  viewOf(request: FastifyRequest, agency: Agency, param: string | null): PortalView;
  /** Serves a page through the cache; `render` returns null for "not found". */
  pageRoute(
    render: (request: FastifyRequest, view: PortalView) => Promise<string | null>,
    what?: string,
    type?: string,
  ): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

export function portalRequests(app: App): PortalRequests {
  const cache = new PageCache();
  const resolve: PortalRequests['resolve'] = async (request) => {
    // a host bound to an agency (its setting `domains`) serves that agency only, whatever the query says
    const bound = await agencyForHost(app.ctx, request.hostname);
    if (bound) return { agency: bound, param: null };
    const raw = (request.query as { agency?: string }).agency;
    const param = raw && CODE.test(raw) ? raw : null;
    if (raw && !param) return { agency: null, param: null };
    return { agency: await portalAgency(app.ctx, param), param };
  };
  const viewOf: PortalRequests['viewOf'] = (request, agency, param) => ({
    agency,
    agencyParam: param,
    largeText: request.cookies[LARGE_TEXT_COOKIE] === '1',
    path: request.url,
  });
  const pageRoute: PortalRequests['pageRoute'] =
    (render, what = '页面', type = HTML) =>
    async (request, reply) => {
      if (request.url === '/' && !(await agencyForHost(app.ctx, request.hostname))) {
        const directory = await agencyDirectory(app.ctx, request.protocol + ':');
        if (directory)
          return reply.type(HTML).header('cache-control', 'no-cache').send(agencyDirectoryPage(directory));
      }
      const { agency, param } = await resolve(request);
      if (!agency) return reply.status(404).type(HTML).send(noAgency(param));
      const view = viewOf(request, agency, param);
      // one cache for every agency's portal: the key names the agency (hosts share paths)
      const key = `${agency.id}|${view.largeText ? 'L' : 'N'}${request.url}`;
      const hit = cache.get(key);
      if (hit) return reply.type(type).header('cache-control', 'no-cache').send(hit);
      const body = await render(request, view);
      if (body === null) return reply.status(404).type(HTML).send(portalNotFound(view, what));
      cache.set(key, body);
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    };
  return { resolve, viewOf, pageRoute };
}

export function positive(text: string | undefined): number | null {
  return text && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export function pageNumber(request: FastifyRequest): number {
  return Math.min(positive((request.query as { page?: string }).page) ?? 1, 10_000);
}

export function noAgency(code: string | null): string {
  return page({
    title: '政府信息公开',
    body: code
      ? html`<h1>没有这个机关</h1>
          <p>找不到机构代码为“${code}”的行政机关。<a href="/">返回首页</a></p>`
      : html`<h1>政府信息公开网站尚未设置</h1>
          <p>系统中还没有行政机关。请管理员登录<a href="/console/">工作台</a>完成设置。</p>`,
  });
}

/**
 * The portal's absolute address for feeds and the sitemap: the host itself when it is bound to the agency,
 * else PUBLIC_URL.
 */
export async function portalBase(app: App, request: FastifyRequest): Promise<string> {
  const bound = await agencyForHost(app.ctx, request.hostname);
  return bound ? `${new URL(app.config.publicUrl).protocol}//${request.host}` : app.config.publicUrl;
}

/**
 * `/a/CODE/rest?q` → `/rest?q&agency=CODE`: an agency's portal under a path prefix (Fastify's rewriteUrl, before
 * routing).
 */
export function rewriteAgencyPrefix(url: string): string {
  const m = /^\/a\/([0-9A-Za-z-]{2,32})(\/[^?#]*)?(\?[^#]*)?$/.exec(url);
  if (!m) return url;
  const query = m[3] ? `${m[3]}&` : '?';
  return `${m[2] ?? '/'}${query}agency=${m[1]}`;
}
