import { charCount, FIELD_LIMITS } from '../../../domain/application/index.ts';
import type { StatusLookup } from '../../../services/applications/applicant-portal.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { fieldId } from './apply-form.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/**
 * 申请进度查询: the applicant's own application, by 查询码 and 查询密码 (posted, never in the URL) — its progress,
 * every letter to download (opening one is its 网上查询送达), the files the reply discloses, the remedies' last
 * days once the reply was served, and, while a 补正 is asked, the form to submit it online.
 */
export type StatusResult = StatusLookup;

export interface CorrectionValues {
  items: { description: string }[];
  address: string;
}

export interface StatusPageData {
  trackingCode: string;
  /** kept in the page's download and 补正 forms (the page is never cached) */
  secret: string;
  error: string | null;
  notice?: string | null;
  result: StatusResult | null;
  correction?: { values: CorrectionValues; problems: readonly { field: string; message: string }[] };
  tokens: { form: string; session: string | null };
}

function credentials(view: PortalView, data: StatusPageData): Html {
  return html`<input type="hidden" name="_form" value="${data.tokens.form}" />
    ${data.tokens.session ? html`<input type="hidden" name="_csrf" value="${data.tokens.session}" />` : ''}
    <input type="hidden" name="trackingCode" value="${data.trackingCode}" />
    <input type="hidden" name="secret" value="${data.secret}" />`;
}

export function statusPage(view: PortalView, data: StatusPageData): string {
  const r = data.result;
  return portalPage(view, {
    title: r ? `申请 ${r.trackingCode} 的办理进度` : '申请进度查询',
    current: 'apply',
    head: html`<script src="/assets/field-counter.js" defer></script>`,
    body: html`${breadcrumbs(view, [{ label: '依申请公开', href: link(view, '/apply') }, { label: '申请进度查询' }])}
      <h1>申请进度查询</h1>
      ${data.error ? html`<div class="error-summary" role="alert"><p class="field-error" id="status-error">${data.error}</p></div>` : ''}
      ${data.notice ? html`<div class="receipt" role="status"><p id="status-notice">${data.notice}</p></div>` : ''}
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
      ${r ? result(view, data, r) : ''}`,
  });
}

function row(label: string, value: string | null, id?: string): Html {
  return value
    ? html`<div>
        <dt>${label}</dt>
        <dd${id ? html` id="${id}"` : ''}>${value}</dd>
      </div>`
    : html``;
}

function correctionForm(view: PortalView, data: StatusPageData, r: StatusResult): Html {
  const c = r.correction!;
  const values = data.correction?.values ?? {
    items: r.items.map((i) => ({ description: i.description })),
    address: '',
  };
  const problems = data.correction?.problems ?? [];
  const errorOf = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
  const max = FIELD_LIMITS.description;
  const field = (name: string, label: string, value: string, limit: number, area: boolean) => {
    const id = fieldId(`correction.${name}`);
    const errors = errorOf(name);
    const n = charCount(value);
    return html`<div class="field">
      <label for="${id}">${label}</label>
      ${errors.length ? html`<p class="field-error" id="${id}-error">${errors.join('；')}</p>` : ''}
      ${
        area
          ? html`<textarea
              id="${id}"
              name="${name}"
              rows="4"
              data-limit="${limit}"
              aria-describedby="${id}-count${errors.length ? ` ${id}-error` : ''}"
              ${errors.length ? html` aria-invalid="true"` : ''}
              style="font-family:inherit;font-size:1rem"
            >
${value}</textarea>`
          : html`<input
              id="${id}"
              name="${name}"
              type="text"
              value="${value}"
              data-limit="${limit}"
              aria-describedby="${id}-count${errors.length ? ` ${id}-error` : ''}"
              ${errors.length ? html` aria-invalid="true"` : ''}
              autocomplete="street-address"
            />`
      }
      <p class="counter${n > limit ? ' over' : ''}" id="${id}-count" aria-live="polite">
        ${n > 0 ? `已输入 ${n} 字，` : ''}最多 ${limit} 字${n > limit ? `，超出 ${n - limit} 字` : ''}
      </p>
    </div>`;
  };
  return html`<section aria-labelledby="correction-heading" class="notice">
    <h3 id="correction-heading">需要补正</h3>
    <p>
      ${c.due ? `请于 ${c.due} 前补正（补正期限 ${c.periodDays} 个工作日，自收到补正告知书之次日起计算）。` : `补正期限为 ${c.periodDays} 个工作日，自收到补正告知书之次日起计算。`}需要补正的事项：
    </p>
    <ul>
      ${c.points.map((p) => html`<li>${p}</li>`)}
    </ul>
    <form method="post" action="${link(view, '/status/correction')}" class="form-grid" novalidate>
      ${credentials(view, data)}
      ${values.items.map((item, i) => field(`items.${i}.description`, `补正后的第 ${i + 1} 项申请内容`, item.description, max, true))}
      ${field('address', '新的通信地址（不变的不填）', values.address, FIELD_LIMITS['applicant.address'], false)}
      <div class="actions"><button type="submit">在线提交补正</button></div>
    </form>
    <p class="hint">
      在线提交的，以提交之日为收到补正申请之日（条例第三十一条第（三）项）；答复期限自该日起重新计算。
    </p>
  </section>`;
}

function result(view: PortalView, data: StatusPageData, r: StatusResult): Html {
  // the accessible name begins with the visible text (WCAG 2.5.3, label in name)
  const download = (action: string, label: string, name: string) =>
    html`<form method="post" action="${link(view, action)}" class="inline-form">
      ${credentials(view, data)}
      <button type="submit" aria-label="${label}">${name}</button>
    </form>`;
  return html`<section aria-labelledby="status-heading" class="status-result">
    <h2 id="status-heading">办理进度</h2>
    <dl class="meta-block">
      ${row('查询码', r.trackingCode)} ${row('受理机关', r.agencyName)} ${row('收到申请日期', r.receivedOn)}
      ${row('办理状态', r.stateLabel, 'status-state')} ${row('答复期限', r.replyDue)}
      ${row('缴费期限', r.feeDue)} ${row('办结日期', r.closedOn)}
      ${row('申请行政复议的最后一日', r.remedies.reconsideration, 'status-reconsideration')}
      ${row('提起行政诉讼的最后一日', r.remedies.litigation, 'status-litigation')}
    </dl>
    ${r.correction ? correctionForm(view, data, r) : ''}
    <h3>申请公开的信息</h3>
    <ol>
      ${r.items.map((i) => html`<li>${i.description}${i.documentNumber ? html`（${i.documentNumber}）` : ''}</li>`)}
    </ol>
    ${
      r.letters.length > 0
        ? html`<h3>文书</h3>
            <ul class="letters">
              ${r.letters.map(
                (l) =>
                  html`<li>
                    ${l.date} ${l.label}（${l.number}）${l.servedOn ? `，${l.servedOn} 送达` : '，待送达'}
                    ${download(`/status/letters/${l.id}`, `下载 PDF：${l.label}（${l.number}）`, '下载 PDF')}
                  </li>`,
              )}
            </ul>
            <p class="hint">在本页打开文书即视为送达（网上查询送达），期限自次日起计算。</p>`
        : ''
    }
    ${
      r.attachments.length > 0
        ? html`<h3>答复提供的政府信息（附件）</h3>
            <ul class="attachments">
              ${r.attachments.map(
                (f) =>
                  html`<li>
                    ${f.fileName}${f.redacted ? '（已作区分处理）' : ''}（${Math.ceil(f.size / 1024)} KB）
                    ${download(`/status/attachments/${f.id}`, `下载附件 ${f.fileName}`, '下载')}
                  </li>`,
              )}
            </ul>`
        : ''
    }
  </section>`;
}
