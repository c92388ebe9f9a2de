import { INTERPRETATION_FORM_LABEL, isInterpretationForm } from '../../../domain/catalog/index.ts';
import type { PortalItem } from '../../../services/catalog/portal.service.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import type { PortalView } from './shell.ts';
import { link } from './shell.ts';

/**
 * The links of an item's page to the items it belongs with (issue 18): a document's 政策解读, the document a 解读
 * explains, the concern a 回应 answers, and the 公开事项 of the standard catalog it is filed under.
 */
export function related(view: PortalView, data: PortalItem): Html {
  const { item, links } = data;
  const entries: Html[] = [];
  if (links.interprets)
    entries.push(
      html`<li>
        解读的文件：<a href="${link(view, `/items/${links.interprets.id}`)}">${links.interprets.title}</a>
      </li>`,
    );
  if (item.kind === 'interpretation' && item.mediaUrl)
    entries.push(
      html`<li>视频解读：<a href="${item.mediaUrl}" rel="noopener noreferrer">${item.mediaUrl}</a></li>`,
    );
  for (const i of links.interpretations)
    entries.push(
      html`<li>
        政策解读${i.form && isInterpretationForm(i.form) ? html`（${INTERPRETATION_FORM_LABEL[i.form]}）` : ''}：<a
          href="${link(view, `/items/${i.id}`)}"
          >${i.title}</a
        >
      </li>`,
    );
  if (item.kind === 'response' && item.concernSource)
    entries.push(
      html`<li>
        回应的关切：${item.concernSource}${item.concernRaisedOn ? html`（${item.concernRaisedOn}）` : ''}
      </li>`,
    );
  if (links.matter)
    entries.push(
      html`<li>
        公开事项：<a href="${link(view, '/standards')}#matter-${links.matter.id}">${links.matter.name}</a>
      </li>`,
    );
  if (entries.length === 0) return html``;
  return html`<nav class="related" aria-label="相关信息">
    <ul>
      ${entries}
    </ul>
  </nav>`;
}
