import { DISCLOSURE_METHOD_LABEL, MATTER_AUDIENCE_LABEL } from '../../../domain/catalog/index.ts';
import type { PortalMatter } from '../../../services/catalog/portal-standards.service.ts';
import { html } from '../html.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/**
 * 政务公开事项标准目录 on the portal: one table per 一级事项, a row per 二级事项 with the guideline's columns, and
 * under each the information published for it (国办发〔2019〕54号: the catalog is published and kept current).
 */
export function standardsPage(view: PortalView, matters: readonly PortalMatter[]): string {
  const groups = new Map<string, PortalMatter[]>();
  for (const m of matters) groups.set(m.level1, [...(groups.get(m.level1) ?? []), m]);
  const tiers = (m: PortalMatter) =>
    [m.county ? '县级' : '', m.township ? '乡级' : ''].filter(Boolean).join('、');
  return portalPage(view, {
    title: '政务公开事项标准目录',
    current: 'catalog',
    body: html`${breadcrumbs(view, [{ label: '政务公开事项标准目录' }])}
      <h1>${view.agency.name}政务公开事项标准目录</h1>
      <p>
        按照基层政务公开标准化规范化的要求，本机关将应当公开的事项逐项列明：公开的内容、依据、时限、主体、渠道、对象和方式。每个事项下列出已公开的信息。
      </p>
      ${
        matters.length === 0
          ? html`<p>本机关尚未发布政务公开事项标准目录。</p>`
          : [...groups].map(
              ([level1, rows], g) =>
                html`<section aria-labelledby="matter-group-${g}" class="standard-catalog">
                  <h2 id="matter-group-${g}">${level1}</h2>
                  ${rows.map(
                    (m) =>
                      html`<article class="matter" id="matter-${m.id}" aria-labelledby="matter-${m.id}-title">
                        <h3 id="matter-${m.id}-title">${m.level2}</h3>
                        <dl class="meta-block">
                          <div>
                            <dt>公开内容（要素）</dt>
                            <dd>${m.content || '—'}</dd>
                          </div>
                          <div>
                            <dt>公开依据</dt>
                            <dd>${m.basis || '—'}</dd>
                          </div>
                          <div>
                            <dt>公开时限</dt>
                            <dd>${m.timeLimit}</dd>
                          </div>
                          <div>
                            <dt>公开主体</dt>
                            <dd>${m.subject || '—'}</dd>
                          </div>
                          <div>
                            <dt>公开渠道和载体</dt>
                            <dd>${m.channels || '—'}</dd>
                          </div>
                          <div>
                            <dt>公开对象</dt>
                            <dd>${MATTER_AUDIENCE_LABEL[m.audience]}</dd>
                          </div>
                          <div>
                            <dt>公开方式</dt>
                            <dd>${DISCLOSURE_METHOD_LABEL[m.method]}</dd>
                          </div>
                          <div>
                            <dt>公开层级</dt>
                            <dd>${tiers(m)}</dd>
                          </div>
                        </dl>
                        ${
                          m.items.length > 0
                            ? html`<ul class="item-list" aria-label="${m.level2}：已公开的信息">
                                ${m.items.map(
                                  (i) =>
                                    html`<li>
                                      <a href="${link(view, `/items/${i.id}`)}">${i.title}</a>
                                      <span class="item-meta"
                                        ><time datetime="${i.publishedOn ?? ''}"
                                          >${i.publishedOn ?? ''}</time
                                        ></span
                                      >
                                    </li>`,
                                )}
                              </ul>`
                            : html`<p class="hint">
                                ${m.method === 'on_request' ? '本事项依申请公开，' : ''}暂无已公开的信息。
                              </p>`
                        }
                      </article>`,
                  )}
                </section>`,
            )
      }`,
  });
}
