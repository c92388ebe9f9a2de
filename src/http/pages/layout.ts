import type { Html } from './html.ts';
import { html } from './html.ts';

export interface PageOptions {
  title: string;
  /** the main content */
  body: Html;
  /** extra <head> content (feeds, canonical links) */
  head?: Html;
  /** the site name in the header */
  site?: string;
  /** navigation links */
  nav?: { href: string; label: string; current?: boolean }[];
  /** scripts to load (paths under /assets/) — pages must work without them */
  scripts?: string[];
  /** large-text 适老化 mode */
  largeText?: boolean;
  /** the footer's content (the portal's site identification); a line citing the Regulation otherwise */
  footer?: Html;
}

const DEFAULT_NAV: NonNullable<PageOptions['nav']> = [
  { href: '/', label: '首页' },
  { href: '/tools/report', label: '年度报告核对' },
  { href: '/console/', label: '工作人员登录' },
];

/** The page shell: landmarks (header, nav, main, footer), a skip link, zh-CN, and the site stylesheet. */
export function page(options: PageOptions): string {
  const nav = options.nav ?? DEFAULT_NAV;
  return `<!doctype html>\n${html`<html lang="zh-CN" ${options.largeText ? html` class="large-text"` : ''}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${options.title}</title>
      <link rel="stylesheet" href="/assets/site.css" />
      ${options.head ?? ''}
    </head>
    <body>
      <a class="skip-link" href="#main">跳到正文</a>
      <header class="site-header">
        <div class="wrap">
          <p class="site-name"><a href="/">${options.site ?? 'Gongkai 政府信息公开'}</a></p>
          <nav aria-label="主导航">
            <ul>
              ${nav.map(
                (n) =>
                  html`<li>
                    <a href="${n.href}" ${n.current ? html` aria-current="page"` : ''}>${n.label}</a>
                  </li>`,
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="wrap" tabindex="-1">${options.body}</main>
      <footer class="site-footer">
        <div class="wrap">
          ${options.footer ?? html`<p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）</p>`}
        </div>
      </footer>
      ${(options.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script>`)}
    </body>
  </html>`}`;
}
