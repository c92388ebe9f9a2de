import type { Segment } from '../../../domain/catalog/index.ts';
import { VALIDITY_LABEL, validityOf } from '../../../domain/catalog/index.ts';
import type { ItemSummary } from '../../../persistence/repositories/catalog-item.repository.ts';
import type { Html } from '../html.ts';
import { escapeHtml, html, raw } from '../html.ts';
import type { PortalView } from './shell.ts';
import { link } from './shell.ts';

/** Pieces shared by the portal's pages: item lists, pagination, highlighted text, breadcrumbs. */
export function marked(segments: readonly Segment[]): Html {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

export function validityBadge(item: Pick<ItemSummary, 'state'>): Html {
  const v = validityOf(item.state);
  return v === 'valid' ? html`` : html` <span class="validity validity-${v}">${VALIDITY_LABEL[v]}</span>`;
}

/** A list of items: title (linked), 文号, 发布日期 — the catalog's listing (条例 Art. 12: 索引、名称、生成日期). */
export function itemList(
  view: PortalView,
  items: readonly Pick<ItemSummary, 'id' | 'title' | 'docNumber' | 'publishedOn' | 'state'>[],
  empty = '暂无信息。',
): Html {
  if (items.length === 0) return html`<p>${empty}</p>`;
  // built as one string (the text the html template wrote for each item: twenty of them on every catalog page)
  let list = '';
  for (const i of items) {
    const date = escapeHtml(i.publishedOn ?? '');
    list += `<li>
          <a href="${escapeHtml(link(view, `/items/${i.id}`))}">${escapeHtml(i.title)}</a>${validityBadge(i).value}
          <span class="item-meta"
            >${i.docNumber ? `<span>${escapeHtml(i.docNumber)}</span>` : ''}<time datetime="${date}"
              >${date}</time
            ></span
          >
        </li>`;
  }
  return html`<ul class="item-list">
    ${raw(list)}
  </ul>`;
}

/**
 * The page links of a list of `pages` pages. `more`: the pages were counted only so far (a search counted to the
 * end of its ranking window) and more follow — the next page is always offered, with "共 N 页以上".
 */
export function pagination(
  view: PortalView,
  path: string,
  params: Record<string, string | number | undefined>,
  page: number,
  pages: number,
  more = false,
): Html {
  if (pages <= 1 && !more) return html``;
  const to = (p: number) => link(view, path, { ...params, page: p === 1 ? undefined : p });
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return html`<nav class="pagination" aria-label="分页">
    <ul>
      ${page > 1 ? html`<li><a href="${to(page - 1)}" rel="prev">上一页</a></li>` : ''}
      ${numbers.map(
        (p, i) =>
          html`${i > 0 && p - numbers[i - 1]! > 1 ? html`<li aria-hidden="true">…</li>` : ''}
            <li>
              ${p === page ? html`<a aria-current="page" href="${to(p)}">第 ${p} 页</a>` : html`<a href="${to(p)}">${p}</a>`}
            </li>`,
      )}
      ${more ? html`<li aria-hidden="true">…</li>` : ''}
      ${page < pages || more ? html`<li><a href="${to(page + 1)}" rel="next">下一页</a></li>` : ''}
    </ul>
    <p class="hint">共 ${pages} 页${more ? '以上' : ''}</p>
  </nav>`;
}

export function breadcrumbs(view: PortalView, trail: readonly { label: string; href?: string }[]): Html {
  return html`<nav class="breadcrumbs" aria-label="当前位置">
    <ol>
      <li><a href="${link(view, '/')}">首页</a></li>
      ${trail.map(
        (t, i) =>
          html`<li>
            ${t.href && i < trail.length - 1 ? html`<a href="${t.href}">${t.label}</a>` : html`<span aria-current="page">${t.label}</span>`}
          </li>`,
      )}
    </ol>
  </nav>`;
}

/** Body text as paragraphs: one per line, escaped. */
export function paragraphs(text: string): Html {
  return html`${text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`)}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
