import type { GuideEntry, GuideSection } from '../../../domain/catalog/index.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** 政府信息公开指南 (条例 Art. 12), generated from the agency's settings. */
function entries(list: readonly GuideEntry[]): Html[] {
  const out: Html[] = [];
  for (let i = 0; i < list.length;) {
    if (!list[i]!.label) {
      out.push(html`<p>${list[i]!.text}</p>`);
      i++;
      continue;
    }
    const run: GuideEntry[] = [];
    while (i < list.length && list[i]!.label) run.push(list[i++]!);
    out.push(
      html`<dl class="guide-contact">
        ${run.map(
          (e) =>
            html`<div>
              <dt>${e.label}</dt>
              <dd>${e.text}</dd>
            </div>`,
        )}
      </dl>`,
    );
  }
  return out;
}

export function guidePage(view: PortalView, sections: readonly GuideSection[]): string {
  return portalPage(view, {
    title: '政府信息公开指南',
    current: 'guide',
    body: html`${breadcrumbs(view, [{ label: '政府信息公开指南' }])}
      <article class="guide" aria-labelledby="guide-title">
        <h1 id="guide-title">${view.agency.name}政府信息公开指南</h1>
        <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
        <p>
          本机关主动公开的事项及其公开内容、依据、时限，见<a href="${link(view, '/standards')}"
            >政务公开事项标准目录</a
          >。
        </p>
        ${sections.map(
          (s, i) =>
            html`<section aria-labelledby="guide-${i}">
              <h2 id="guide-${i}">${s.heading}</h2>
              ${entries(s.entries)}
            </section>`,
        )}
      </article>`,
  });
}
