import type { Agency } from '../../../persistence/repositories/agency.repository.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { readSiteSettings } from '../../../domain/catalog/site.ts';
import { displayBar } from './display.ts';

/**
 * The footer government websites carry (政府网站发展指引, 国办发〔2017〕47号): 主办单位, 网站标识码, ICP 备案号
 * (linked to the MIIT register), 公安机关备案号 (linked to the MPS register), 网站地图 and 联系我们.
 */
export function portalFooter(view: PortalView): Html {
  const site = readSiteSettings(view.agency.settings);
  const police = site.policeNumber ? /\d{14}/.exec(site.policeNumber)?.[0] : undefined;
  return html`<nav aria-label="网站服务" class="footer-links">
      <a href="${link(view, '/sitemap')}">网站地图</a>
      <a href="${link(view, '/contact')}">联系我们</a>
      <a href="${link(view, '/guide')}">信息公开指南</a>
    </nav>
    <dl class="site-ids">
      <div>
        <dt>主办单位：</dt>
        <dd>${site.sponsor ?? view.agency.name}</dd>
      </div>
      ${
        site.siteCode
          ? html`<div>
              <dt>网站标识码：</dt>
              <dd>${site.siteCode}</dd>
            </div>`
          : ''
      }
      ${
        site.icpNumber
          ? html`<div>
              <dt>ICP备案号：</dt>
              <dd><a href="https://beian.miit.gov.cn/" rel="noopener">${site.icpNumber}</a></dd>
            </div>`
          : ''
      }
      ${
        site.policeNumber
          ? html`<div>
              <dt>公安机关备案号：</dt>
              <dd>
                <a href="https://beian.mps.gov.cn/#/query/webSearch?code=${police ?? ''}" rel="noopener"
                  >${site.policeNumber}</a
                >
              </dd>
            </div>`
          : ''
      }
    </dl>
    <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）</p>`;
}

/**
 * The portal's page shell: the agency's name, the portal navigation, a search box on every page, the 适老化
 * display bar (text size, contrast, line spacing: plain links that set a cookie read by /display.css; read
 * aloud), links to the feeds, and the footer. Nothing in a page depends on the visitor, so pages can be stored.
 */
export interface PortalView {
  agency: Agency;
  /** the agency code carried in links (?agency=CODE), or null for the portal's default agency */
  agencyParam: string | null;
  /** the current path and query, to come back to after changing the display settings */
  path: string;
}

export type NavKey = 'home' | 'catalog' | 'guide' | 'apply' | 'reports' | 'search' | 'none';

/** Characters that URLSearchParams writes as they are (the form-urlencoded set leaves them unescaped). */
const PLAIN = /^[0-9A-Za-z*._-]*$/;

/** A portal URL with the agency carried along and empty parameters left out. */
export function link(
  view: PortalView,
  path: string,
  params?: Record<string, string | number | null | undefined>,
): string {
  // the links of a page are a path alone or with a page number: written directly when nothing in them needs
  // escaping (the same text URLSearchParams writes), through URLSearchParams otherwise
  let text = '';
  if (params)
    for (const k of Object.keys(params)) {
      const v = params[k];
      if (v === undefined || v === null || v === '') continue;
      const value = String(v);
      if (k === 'agency' || !PLAIN.test(k) || !PLAIN.test(value)) return escapedLink(view, path, params);
      text += `${text ? '&' : ''}${k}=${value}`;
    }
  if (view.agencyParam) {
    if (!PLAIN.test(view.agencyParam)) return escapedLink(view, path, params);
    text += `${text ? '&' : ''}agency=${view.agencyParam}`;
  }
  return text ? `${path}?${text}` : path;
}

function escapedLink(
  view: PortalView,
  path: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  if (view.agencyParam) query.set('agency', view.agencyParam);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** An article page's metadata (政府网站网页设计规范: ArticleTitle, PubDate, ContentSource, Keywords, Description, Url). */
export interface ArticleMeta {
  title: string;
  pubDate: string | null;
  source: string | null;
  keywords: string | null;
  description: string | null;
  url: string;
}

const COLUMN_NAME: Record<NavKey, string> = {
  home: '首页',
  catalog: '政府信息公开目录',
  guide: '政府信息公开指南',
  apply: '依申请公开',
  reports: '政府信息公开工作年度报告',
  search: '站内搜索',
  none: '政府信息公开',
};

/**
 * The <meta> elements the government-website norms list (国办发〔2017〕47号, 网页元数据): SiteName, SiteDomain
 * (the agency's own site, when set), SiteIDCode (网站标识码), ColumnName and ColumnType for every page, and the
 * article's ArticleTitle, PubDate, ContentSource, Keywords, Description and Url on item pages.
 */
function governmentMeta(view: PortalView, current: NavKey, title: string, article?: ArticleMeta): Html {
  const site = readSiteSettings(view.agency.settings);
  const website = (view.agency.settings.office as { website?: unknown } | undefined)?.website;
  const domain = typeof website === 'string' ? /^(?:https?:\/\/)?([^/\s]+)/.exec(website)?.[1] : undefined;
  const meta = (name: string, content: string | null | undefined) =>
    content ? html`<meta name="${name}" content="${content}" />` : '';
  return html`${meta('SiteName', `${view.agency.name}政府信息公开`)} ${meta('SiteDomain', domain)}
  ${meta('SiteIDCode', site.siteCode)} ${meta('ColumnName', article ? COLUMN_NAME[current] : title)}
  ${meta('ColumnType', COLUMN_NAME[current])}
  ${
    article
      ? html`${meta('ArticleTitle', article.title)} ${meta('PubDate', article.pubDate)}
        ${meta('ContentSource', article.source)} ${meta('Keywords', article.keywords)}
        ${meta('Description', article.description)} ${meta('description', article.description)}
        ${meta('Url', article.url)}`
      : ''
  }`;
}

export function portalPage(
  view: PortalView,
  options: { title: string; current: NavKey; body: Html; head?: Html; query?: string; article?: ArticleMeta },
): string {
  const nav = [
    { key: 'home', href: link(view, '/'), label: '首页' },
    { key: 'catalog', href: link(view, '/catalog'), label: '信息公开目录' },
    { key: 'guide', href: link(view, '/guide'), label: '信息公开指南' },
    { key: 'apply', href: link(view, '/apply'), label: '依申请公开' },
    { key: 'reports', href: link(view, '/reports'), label: '年度报告' },
  ];
  return page({
    title: `${options.title} — ${view.agency.name}`,
    site: `${view.agency.name} 政府信息公开`,
    footer: portalFooter(view),
    nav: nav.map((n) => ({ href: n.href, label: n.label, current: n.key === options.current })),
    scripts: ['display.js'],
    head: html`${governmentMeta(view, options.current, options.title, options.article)}
      <link rel="stylesheet" href="/display.css" />
      <link
        rel="alternate"
        type="application/rss+xml"
        title="${view.agency.name} 最新公开信息（RSS）"
        href="${link(view, '/feed.xml')}"
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title="${view.agency.name} 最新公开信息（Atom）"
        href="${link(view, '/atom.xml')}"
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title="${view.agency.name} 最新公开信息（JSON Feed）"
        href="${link(view, '/feed.json')}"
      />
      ${options.head ?? ''}`,
    body: html`${displayBar(view.path)}
      <form class="portal-search" role="search" method="get" action="/search">
        <label for="site-search" class="visually-hidden">搜索政府信息</label>
        <input
          id="site-search"
          type="search"
          name="q"
          value="${options.query ?? ''}"
          placeholder="搜索政府信息：标题、文号、正文"
          maxlength="100"
        />
        ${view.agencyParam ? html`<input type="hidden" name="agency" value="${view.agencyParam}" />` : ''}
        <button type="submit">搜索</button>
      </form>
      ${options.body}`,
  });
}
