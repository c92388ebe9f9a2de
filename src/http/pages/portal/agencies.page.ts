import type { DirectoryNode } from '../../../services/catalog/portal-host.service.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

/** The installation's home page (政府网站集约化平台): every agency's portal, by hierarchy. */
export function agencyDirectoryPage(nodes: DirectoryNode[]): string {
  const list = (items: DirectoryNode[]): Html =>
    html`<ul>
      ${items.map(
        (n) =>
          html`<li>
            <a href="${n.href}">${n.agency.name}</a>${n.children.length > 0 ? list(n.children) : ''}
          </li>`,
      )}
    </ul>`;
  return page({
    title: '政府信息公开 — 各机关门户',
    body: html`<h1>政府信息公开</h1>
      <p>请选择行政机关，进入其政府信息公开专栏。</p>
      <nav aria-label="各机关门户">${list(nodes)}</nav>`,
  });
}
