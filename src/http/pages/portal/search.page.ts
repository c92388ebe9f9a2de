import type { Category } from '../../../domain/catalog/index.ts';
import { categoryPath, VALIDITIES, VALIDITY_LABEL } from '../../../domain/catalog/index.ts';
import type { SearchInput, SearchResult } from '../../../services/catalog/portal.service.ts';
import { html } from '../html.ts';
import { breadcrumbs, marked, pagination, validityBadge } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** Full-text search with filters (目录分类, 发布年份, 有效性) and highlighted results; works without JavaScript. */
export interface SearchPageData {
  input: SearchInput;
  categories: readonly Category[];
  years: readonly number[];
  result: {
    total: number;
    /** more matches than `total`, on the next pages; `capped`: past COUNT_CAP, not offered */
    more: boolean;
    capped: boolean;
    page: number;
    /** the pages counted (more follow when `more` and not `capped`: the next one is offered) */
    pages: number;
    results: SearchResult[];
    suggestion?: string | null;
  } | null;
  error?: string;
}

const SORTS = { relevance: '按相关度', date: '按发布日期' } as const;

export function searchPage(view: PortalView, data: SearchPageData): string {
  const { input, result } = data;
  const selected = (on: boolean) => (on ? html` selected` : '');
  const params = {
    q: input.q,
    category: input.category,
    year: input.year,
    validity: input.validity,
    docNumber: input.docNumber,
    sort: input.sort,
  };
  return portalPage(view, {
    title: input.q ? `搜索“${input.q}”` : '搜索',
    current: 'search',
    query: input.q,
    body: html`${breadcrumbs(view, [{ label: '搜索' }])}
      <h1>搜索政府信息</h1>
      <form method="get" action="/search" class="search-filters" aria-label="搜索条件">
        ${view.agencyParam ? html`<input type="hidden" name="agency" value="${view.agencyParam}" />` : ''}
        <div>
          <label for="q">关键词</label
          ><input
            id="q"
            type="search"
            name="q"
            value="${input.q}"
            maxlength="100"
            aria-describedby="q-hint"
            ${data.error ? html` aria-invalid="true"` : ''}
          />
          <p class="hint" id="q-hint">可输入标题、文号或正文中的词语，多个词用空格分开。</p>
        </div>
        <div>
          <label for="category">目录分类</label
          ><select id="category" name="category">
            <option value="">全部分类</option>
            ${data.categories.map(
              (c) =>
                html`<option value="${c.code}" ${selected(c.code === input.category)}>
                  ${'　'.repeat(categoryPath(data.categories, c.code).length - 1)}${c.name}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="year">发布年份</label
          ><select id="year" name="year">
            <option value="">全部年份</option>
            ${data.years.map(
              (y) => html`<option value="${y}" ${selected(y === input.year)}>${y} 年</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="docNumber">文号</label
          ><input
            id="docNumber"
            type="text"
            name="docNumber"
            value="${input.docNumber ?? ''}"
            maxlength="50"
          />
        </div>
        <div>
          <label for="validity">有效性</label
          ><select id="validity" name="validity">
            <option value="">全部</option>
            ${VALIDITIES.map(
              (v) =>
                html`<option value="${v}" ${selected(v === input.validity)}>${VALIDITY_LABEL[v]}</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="sort">排序</label
          ><select id="sort" name="sort">
            ${(Object.keys(SORTS) as (keyof typeof SORTS)[]).map(
              (s) =>
                html`<option value="${s}" ${selected(s === (input.sort ?? 'relevance'))}>
                  ${SORTS[s]}
                </option>`,
            )}
          </select>
        </div>
        <div class="actions"><button type="submit">搜索</button></div>
      </form>
      ${data.error ? html`<p class="field-error" role="alert">${data.error}</p>` : ''}
      ${
        result
          ? html`<section aria-labelledby="results-heading">
              <h2 id="results-heading">搜索结果</h2>
              <p role="status">
                ${result.total > 0 ? html`找到 ${result.total} 条${result.more ? '以上' : ''}与“${input.q}”相关的信息${result.capped ? html`（只列出前 ${result.total} 条，可加关键词或筛选条件缩小范围）` : ''}。` : html`没有找到与“${input.q}”相关的信息，请换个关键词或放宽筛选条件。`}
              </p>
              ${
                result.suggestion
                  ? html`<p class="suggestion">
                      您是不是要找：<a
                        href="${link(view, '/search', { ...params, q: result.suggestion, page: undefined })}"
                        >${result.suggestion}</a
                      >
                    </p>`
                  : ''
              }
              <ol class="results" start="${(result.page - 1) * 20 + 1}">
                ${result.results.map(
                  (r) =>
                    html`<li>
                      <h3>
                        <a href="${link(view, `/items/${r.item.id}`)}">${marked(r.title)}</a
                        >${validityBadge(r.item)}
                      </h3>
                      <p>${marked(r.snippet)}</p>
                      <p class="item-meta">
                        ${r.item.indexNumber ? html`<span>索引号：${r.item.indexNumber}</span>` : ''}${r.item.docNumber ? html`<span>文号：${r.item.docNumber}</span>` : ''}<span
                          >发布日期：<time datetime="${r.item.publishedOn ?? ''}"
                            >${r.item.publishedOn ?? ''}</time
                          ></span
                        >
                      </p>
                    </li>`,
                )}
              </ol>
              ${pagination(view, '/search', params, result.page, result.pages, result.more && !result.capped)}
            </section>`
          : ''
      }`,
  });
}
