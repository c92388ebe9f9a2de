import { isLetterKind, LETTER_KIND_LABEL } from '../../../domain/letters/kinds.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { portalPage, link } from './shell.ts';

/** 申请进度查询: the applicant's own application, by 查询码 and 查询密码 (posted, never in the URL). */
export interface StatusResult {
  trackingCode: string;
  agencyName: string;
  receivedOn: string;
  stateLabel: string;
  replyDue: string | null;
  closedOn: string | null;
  correction: { points: readonly string[]; due: string | null } | null;
  items: readonly { description: string; documentNumber: string | null }[];
  letters: readonly { kind: string; number: string | null; date: string }[];
}

export function statusPage(
  view: PortalView,
  data: {
    trackingCode: string;
    error: string | null;
    result: StatusResult | null;
    tokens: { form: string; session: string | null };
  },
): string {
  const r = data.result;
  return portalPage(view, {
    title: r ? `申请 ${r.trackingCode} 的办理进度` : '申请进度查询',
    current: 'apply',
    body: html`${breadcrumbs(view, [{ label: '依申请公开', href: link(view, '/apply') }, { label: '申请进度查询' }])}
      <h1>申请进度查询</h1>
      ${data.error ? html`<div class="error-summary" role="alert"><p class="field-error" id="status-error">${data.error}</p></div>` : ''}
      <form method="post" action="${link(view, '/status')}" class="form-grid">
        <input type="hidden" name="_form" value="${data.tokens.form}" />
        ${data.tokens.session ? html`<input type="hidden" name="_csrf" value="${data.tokens.session}" />` : ''}
        <label for="tracking-code-input">查询码</label>
        <input
          id="tracking-code-input"
          type="text"
          name="trackingCode"
          value="${data.trackingCode}"
          maxlength="40"
          required
          autocomplete="off"
          ${data.error ? html` aria-invalid="true" aria-describedby="status-error"` : ''}
        />
        <label for="tracking-secret-input">查询密码</label>
        <input
          id="tracking-secret-input"
          type="password"
          name="secret"
          maxlength="40"
          required
          autocomplete="off"
          ${data.error ? html` aria-invalid="true" aria-describedby="status-error"` : ''}
        />
        <div class="actions"><button type="submit">查询</button></div>
      </form>
      ${r ? result(r) : ''}`,
  });
}

function result(r: StatusResult): Html {
  return html`<section aria-labelledby="status-heading" class="status-result">
    <h2 id="status-heading">办理进度</h2>
    <dl class="meta-block">
      <div>
        <dt>查询码</dt>
        <dd>${r.trackingCode}</dd>
      </div>
      <div>
        <dt>受理机关</dt>
        <dd>${r.agencyName}</dd>
      </div>
      <div>
        <dt>收到申请日期</dt>
        <dd>${r.receivedOn}</dd>
      </div>
      <div>
        <dt>办理状态</dt>
        <dd id="status-state">${r.stateLabel}</dd>
      </div>
      ${
        r.replyDue
          ? html`<div>
              <dt>答复期限</dt>
              <dd>${r.replyDue}</dd>
            </div>`
          : ''
      }
      ${
        r.closedOn
          ? html`<div>
              <dt>办结日期</dt>
              <dd>${r.closedOn}</dd>
            </div>`
          : ''
      }
    </dl>
    ${
      r.correction
        ? html`<div class="notice" role="note">
            <p>需要补正${r.correction.due ? html`（请于 ${r.correction.due} 前补正）` : ''}：</p>
            <ul>
              ${r.correction.points.map((p) => html`<li>${p}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <h3>申请公开的信息</h3>
    <ol>
      ${r.items.map((i) => html`<li>${i.description}${i.documentNumber ? html`（${i.documentNumber}）` : ''}</li>`)}
    </ol>
    ${
      r.letters.length > 0
        ? html`<h3>已出具的文书</h3>
            <ul>
              ${r.letters.map((l) => html`<li>${l.date} ${isLetterKind(l.kind) ? LETTER_KIND_LABEL[l.kind] : l.kind}${l.number ? html`（${l.number}）` : ''}</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}
