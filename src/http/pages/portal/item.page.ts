import {
  DISCLOSURE_METHOD_LABEL,
  DISCLOSURE_SCOPE_LABEL,
  VALIDITY_LABEL,
  validityOf,
} from '../../../domain/catalog/index.ts';
import type { PortalItem } from '../../../services/catalog/portal.service.ts';
import { html } from '../html.ts';
import { breadcrumbs, fileSize, paragraphs } from './parts.ts';
import { related } from './related.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/**
 * An item's page: the metadata table government sites print above every document (索引号, 发布机构, 成文日期,
 * 发布日期, 文号, 主题分类, 有效性, then 施行日期, 目录分类, 公开方式, 公开范围), the body and the attachments. A 依申请公开 item shows its
 * metadata and how to apply; a 失效 or 废止 item says so at the top.
 */
export function itemPage(view: PortalView, data: PortalItem): string {
  const { item } = data;
  const validity = validityOf(item.state);
  // the usual layout of government sites: label/value pairs, two to a row; the seven first always shown
  const pairs: [string, string | null][][] = [
    [
      ['索引号', item.indexNumber],
      ['主题分类', item.topic],
    ],
    [
      ['发布机构', item.publisher],
      ['成文日期', item.writtenOn],
    ],
    [
      ['文号', item.docNumber],
      ['发布日期', item.publishedOn],
    ],
    [
      ['有效性', VALIDITY_LABEL[validity]],
      ['施行日期', item.effectiveOn],
    ],
    [
      ['目录分类', data.path.map((c) => c.name).join(' / ') || null],
      ['公开方式', DISCLOSURE_METHOD_LABEL[item.method]],
    ],
    [['公开范围', DISCLOSURE_SCOPE_LABEL[item.scope]]],
  ];
  const trail = [
    { label: '信息公开目录', href: link(view, '/catalog') },
    ...data.path.map((c) => ({ label: c.name, href: link(view, `/catalog/${c.code}`) })),
    { label: item.title },
  ];
  return portalPage(view, {
    title: item.title,
    current: 'catalog',
    head: html`<link rel="canonical" href="${link(view, `/items/${item.id}`)}" />`,
    article: {
      title: item.title,
      pubDate: item.publishedOn,
      source: item.publisher,
      keywords: item.topic,
      description: item.summary || null,
      url: link(view, `/items/${item.id}`),
    },
    body: html`${breadcrumbs(view, trail)}
      <article class="item" aria-labelledby="item-title">
        <h1 id="item-title">${item.title}</h1>
        ${validity !== 'valid' ? html`<p class="notice notice-${validity}" role="note">本文件已${VALIDITY_LABEL[validity]}${item.stateReason ? html`：${item.stateReason}` : ''}。</p>` : ''}
        <table class="meta-table">
          <caption class="visually-hidden">
            信息属性
          </caption>
          <tbody>
            ${pairs.map(
              (row) =>
                html`<tr>
                  ${row.map(
                    ([k, v]) =>
                      html`<th scope="row">${k}</th>
                        <td${row.length === 1 ? html` colspan="3"` : ''}>${v ?? ''}</td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
        ${related(view, data)}
        ${
          item.summary
            ? html`<section aria-label="内容概述" class="summary">
                <h2>内容概述</h2>
                <p>${item.summary}</p>
              </section>`
            : ''
        }
        ${
          item.method === 'proactive'
            ? html`<div class="item-body">${paragraphs(item.body)}</div>
                ${
                  data.attachments.length > 0
                    ? html`<section aria-labelledby="attachments-heading">
                        <h2 id="attachments-heading">附件</h2>
                        <ul class="attachments">
                          ${data.attachments.map(
                            (a) =>
                              html`<li>
                                <a href="${link(view, `/items/${item.id}/attachments/${a.id}`)}"
                                  >${a.fileName}</a
                                >
                                <span class="hint">（${fileSize(a.size)}）</span>
                              </li>`,
                          )}
                        </ul>
                      </section>`
                    : ''
                }`
            : html`<p class="notice" role="note">
                本信息属于依申请公开的政府信息，正文不在网站公开。如需获取，请<a
                  href="${link(view, '/apply', { title: item.title, docNumber: item.docNumber })}"
                  >在线提出政府信息公开申请</a
                >。
              </p>`
        }
      </article>`,
  });
}
