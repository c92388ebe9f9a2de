import type { DisclosureOffice } from '../../../domain/catalog/index.ts';
import type { CategoryNode } from '../../../services/catalog/portal.service.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** 网站地图 (every section of the portal and every catalog category) and 联系我们 (the OGI office's contacts). */
function tree(view: PortalView, nodes: readonly CategoryNode[]): Html {
  return html`<ul>
    ${nodes.map(
      (n) =>
        html`<li>
          <a href="${link(view, `/catalog/${n.code}`)}">${n.name}</a
          >${n.children.length > 0 ? tree(view, n.children) : ''}
        </li>`,
    )}
  </ul>`;
}

export function siteMapPage(view: PortalView, categories: readonly CategoryNode[]): string {
  const sections: [string, string][] = [
    ['/', '首页'],
    ['/guide', '政府信息公开指南'],
    ['/apply', '依申请公开（在线申请）'],
    ['/status', '申请进度查询'],
    ['/reports', '政府信息公开工作年度报告'],
    ['/search', '站内搜索'],
    ['/contact', '联系我们'],
  ];
  return portalPage(view, {
    title: '网站地图',
    current: 'none',
    body: html`${breadcrumbs(view, [{ label: '网站地图' }])}
      <h1>网站地图</h1>
      <nav aria-labelledby="map-sections" class="site-map">
        <h2 id="map-sections">栏目</h2>
        <ul>
          ${sections.map(([href, label]) => html`<li><a href="${link(view, href)}">${label}</a></li>`)}
        </ul>
      </nav>
      <nav aria-labelledby="map-catalog" class="site-map">
        <h2 id="map-catalog">政府信息公开目录</h2>
        ${tree(view, categories)}
      </nav>`,
  });
}

export function contactPage(view: PortalView, office: DisclosureOffice, officeName: string): string {
  const rows: [string, string | null][] = [
    ['机构名称', officeName],
    ['办公地址', office.address],
    ['邮政编码', office.postcode],
    ['办公时间', office.hours],
    ['咨询电话', office.phone],
    ['传真', office.fax],
    ['电子邮箱', office.email],
    ['网站', office.website],
  ];
  return portalPage(view, {
    title: '联系我们',
    current: 'none',
    body: html`${breadcrumbs(view, [{ label: '联系我们' }])}
      <h1>联系我们</h1>
      <dl class="contact">
        ${rows
          .filter(([, v]) => v)
          .map(
            ([k, v]) =>
              html`<div>
                <dt>${k}：</dt>
                <dd>${v}</dd>
              </div>`,
          )}
      </dl>
      <p>
        申请政府信息公开请使用<a href="${link(view, '/apply')}">在线申请</a>，或按<a
          href="${link(view, '/guide')}"
          >政府信息公开指南</a
        >所列方式提出。
      </p>`,
  });
}
