import type { CategoryNode, CategoryPage } from '../../../services/catalog/portal.service.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { breadcrumbs, itemList, pagination } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** 政府信息公开目录: the category tree with counts, and one category's items, newest first. */
function tree(view: PortalView, nodes: readonly CategoryNode[]): Html {
  return html`<ul>
    ${nodes.map(
      (n) =>
        html`<li>
          <a href="${link(view, `/catalog/${n.code}`)}">${n.name}</a>
          <span class="count">（${n.count}）</span>${
            n.article ? html` <span class="hint">${n.article}</span>` : ''
          }${n.children.length > 0 ? tree(view, n.children) : ''}
        </li>`,
    )}
  </ul>`;
}

export function catalogTreePage(view: PortalView, nodes: readonly CategoryNode[]): string {
  return portalPage(view, {
    title: '政府信息公开目录',
    current: 'catalog',
    body: html`${breadcrumbs(view, [{ label: '信息公开目录' }])}
      <h1>政府信息公开目录</h1>
      <p>
        按《中华人民共和国政府信息公开条例》第二十条等规定，本机关主动公开的政府信息按以下分类编排。括号内为信息条数。
      </p>
      <nav class="catalog-tree" aria-label="目录分类">${tree(view, nodes)}</nav>`,
  });
}

export function categoryPageHtml(view: PortalView, data: CategoryPage): string {
  const trail = [
    { label: '信息公开目录', href: link(view, '/catalog') },
    ...data.path.map((c) => ({ label: c.name, href: link(view, `/catalog/${c.code}`) })),
  ];
  return portalPage(view, {
    title: data.category.name,
    current: 'catalog',
    body: html`${breadcrumbs(view, trail)}
      <h1>${data.category.name}</h1>
      ${data.category.article ? html`<p class="hint">依据：《中华人民共和国政府信息公开条例》${data.category.article}</p>` : ''}
      ${
        data.children.length > 0
          ? html`<nav aria-label="子分类">
              <ul class="category-grid">
                ${data.children.map((c) => html`<li><a href="${link(view, `/catalog/${c.code}`)}">${c.name}</a></li>`)}
              </ul>
            </nav>`
          : ''
      }
      ${
        data.reports.length > 0
          ? html`<ul class="item-list reports-list">
              ${data.reports.map(
                (r) => html`<li><a href="${link(view, `/reports/${r.year}`)}">${r.title}</a></li>`,
              )}
            </ul>`
          : ''
      }
      <p role="status">
        共 ${data.total + data.reports.length}
        条信息${data.pages > 1 ? html`，第 ${data.page}/${data.pages} 页` : ''}。
      </p>
      ${data.items.length > 0 || data.reports.length === 0 ? itemList(view, data.items, '本分类暂无公开信息。') : ''}
      ${pagination(view, `/catalog/${data.category.code}`, {}, data.page, data.pages)}`,
  });
}
