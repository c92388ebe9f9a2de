import type { ItemSummary } from '../../../persistence/repositories/catalog-item.repository.ts';
import type { CategoryNode } from '../../../services/catalog/portal.service.ts';
import { html } from '../html.ts';
import { itemList } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** The portal's home: the latest items, the catalog's top categories and the ways to obtain information. */
export function homePage(
  view: PortalView,
  data: { latest: ItemSummary[]; categories: CategoryNode[]; reports: { year: number; title: string }[] },
): string {
  return portalPage(view, {
    title: '政府信息公开',
    current: 'home',
    body: html`<h1>${view.agency.name}政府信息公开</h1>
      <div class="portal-grid">
        <section aria-labelledby="latest-heading" class="portal-latest">
          <h2 id="latest-heading">最新公开信息</h2>
          ${itemList(view, data.latest, '暂无公开信息。')}
          <p>
            <a href="${link(view, '/catalog')}">查看全部目录</a> ·
            <a href="${link(view, '/feed.xml')}">RSS 订阅</a>
          </p>
        </section>
        <section aria-labelledby="catalog-heading" class="portal-categories">
          <h2 id="catalog-heading">信息公开目录</h2>
          <ul class="category-grid">
            ${data.categories.map(
              (c) =>
                html`<li>
                  <a href="${link(view, `/catalog/${c.code}`)}">${c.name}</a>
                  <span class="count">（${c.count}）</span>
                </li>`,
            )}
          </ul>
        </section>
      </div>
      <section aria-labelledby="ways-heading">
        <h2 id="ways-heading">获取政府信息</h2>
        <ul class="ways">
          <li><a href="${link(view, '/guide')}">政府信息公开指南</a>：公开的范围、方式、时限和受理机构。</li>
          <li>
            <a href="${link(view, '/standards')}">政务公开事项标准目录</a
            >：应当公开的事项及其内容、依据、时限，每个事项下已公开的信息。
          </li>
          <li>
            <a href="${link(view, '/apply')}">在线申请政府信息公开</a>：未主动公开的信息可以依申请获取。
          </li>
          <li><a href="${link(view, '/status')}">申请进度查询</a>：凭查询码和查询密码查看办理进度。</li>
          <li>
            <a href="${link(view, '/reports')}">政府信息公开工作年度报告</a
            >${data.reports[0] ? html`（最新：<a href="${link(view, `/reports/${data.reports[0].year}`)}">${data.reports[0].year} 年度</a>）` : ''}。
          </li>
        </ul>
      </section>`,
  });
}
