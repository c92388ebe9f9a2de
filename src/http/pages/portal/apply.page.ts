import {
  applicantTypeLabel,
  APPLICANT_TYPES,
  charCount,
  FIELD_LIMITS,
  DELIVERY_METHOD_LABEL,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABEL,
  INFORMATION_FORMS,
} from '../../../domain/application/index.ts';
import { ID_KINDS } from '../../../domain/identity/id-kinds.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import type { ApplyValues } from './apply-form.ts';
import { fieldId, problemsByField } from './apply-form.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/**
 * The online application form (依申请公开, 条例 Art. 29): who applies, the information asked for, the form and
 * channel of delivery. On a mistake the form comes back with the values kept, a summary of every problem
 * linking to its field, and the message beside the field (aria-invalid, aria-describedby).
 */
export interface ApplyPageData {
  values: ApplyValues;
  problems: readonly { field: string; message: string }[];
  /** hidden anti-forgery fields */
  tokens: { form: string; session: string | null };
}

/**
 * The limit beside a field and what has been typed: '最多 10000 字' — with the count when the form comes back —
 * kept up to date while typing by /assets/field-counter.js (the form works without it; the server enforces).
 */
function counter(field: string, value: string, max: number): Html {
  const n = charCount(value);
  const over = n > max;
  return html`<p class="counter${over ? ' over' : ''}" id="${fieldId(field)}-count" aria-live="polite">
    ${n > 0 ? `已输入 ${n} 字，` : ''}最多 ${max} 字${over ? `，超出 ${n - max} 字` : ''}
  </p>`;
}

export function applyPage(view: PortalView, data: ApplyPageData): string {
  const errors = problemsByField(data.problems);
  const errorOf = (field: string) => errors.get(field);
  const attrs = (field: string, hint?: string) => {
    const describedBy = [hint, errorOf(field) ? `${fieldId(field)}-error` : null].filter(Boolean).join(' ');
    return html`id="${fieldId(field)}"
    name="${field}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${errorOf(field) ? html` aria-invalid="true"` : ''}`;
  };
  const message = (field: string): Html => {
    const list = errorOf(field);
    return list ? html`<p class="field-error" id="${fieldId(field)}-error">${list.join('；')}</p>` : html``;
  };
  const text = (
    field: string,
    label: string,
    value: string,
    options: { required?: boolean; type?: string; hint?: string; autocomplete?: string; max: number },
  ) => {
    const hintId = options.hint ? `${fieldId(field)}-hint` : undefined;
    return html`<div class="field">
      <label for="${fieldId(field)}"
        >${label}${options.required ? html` <span class="required" aria-hidden="true">*</span>` : ''}</label
      >
      ${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}${message(field)}
      <input
        type="${options.type ?? 'text'}"
        ${attrs(field, [hintId, `${fieldId(field)}-count`].filter(Boolean).join(' '))}
        value="${value}"
        data-limit="${options.max}"
        ${options.required ? html` required aria-required="true"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}
      />
      ${counter(field, value, options.max)}
    </div>`;
  };
  const radios = (
    field: string,
    legend: string,
    options: readonly string[],
    labels: Record<string, string>,
    value: string,
  ) =>
    html`<fieldset${errorOf(field) ? html` aria-describedby="${fieldId(field)}-error"` : ''}><legend>${legend} <span class="required" aria-hidden="true">*</span></legend>${message(field)}
${options.map((o) => html`<div class="choice"><input type="radio" id="${fieldId(field)}-${o}" name="${field}" value="${o}" ${o === value ? html` checked` : ''} /><label for="${fieldId(field)}-${o}">${labels[o]}</label></div>`)}</fieldset>`;
  const { applicant: a } = data.values;
  const L = FIELD_LIMITS;
  return portalPage(view, {
    title: data.problems.length > 0 ? '申请表有误 — 政府信息公开申请' : '政府信息公开申请',
    current: 'apply',
    head: html`<script src="/assets/field-counter.js" defer></script>`,
    body: html`${breadcrumbs(view, [{ label: '依申请公开' }])}
      <h1>政府信息公开申请</h1>
      <p>
        除主动公开的政府信息外，公民、法人或者其他组织可以向${view.agency.name}申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。提交后系统即确认收到，收到申请之日为提交当日；本机关自收到申请之日起20个工作日内答复。已主动公开的信息可以先<a
          href="${link(view, '/search')}"
          >搜索</a
        >。
      </p>
      ${
        data.problems.length > 0
          ? html`<div
              class="error-summary"
              role="alert"
              aria-labelledby="error-summary-title"
              tabindex="-1"
              id="error-summary"
              autofocus
            >
              <h2 id="error-summary-title">申请表有 ${data.problems.length} 处需要修改</h2>
              <ul>
                ${data.problems.map((p) => html`<li><a href="#${fieldId(p.field === 'items' ? 'items.0.description' : p.field)}">${p.message}</a></li>`)}
              </ul>
            </div>`
          : ''
      }
      <form method="post" action="${link(view, '/apply')}" class="form-grid" novalidate>
        <input type="hidden" name="_form" value="${data.tokens.form}" />
        ${data.tokens.session ? html`<input type="hidden" name="_csrf" value="${data.tokens.session}" />` : ''}
        <fieldset>
          <legend>申请人信息</legend>
          <div class="field">
            <label for="${fieldId('applicant.type')}"
              >申请人类型 <span class="required" aria-hidden="true">*</span></label
            >${message('applicant.type')}
            <select ${attrs('applicant.type')}>
              ${APPLICANT_TYPES.map((t) => html`<option value="${t}" ${t === a.type ? html` selected` : ''}>${applicantTypeLabel(t)}</option>`)}
            </select>
          </div>
          ${text('applicant.name', '姓名或单位名称', a.name, { required: true, autocomplete: 'name', max: L['applicant.name'] })}
          ${text('applicant.contactPerson', '联系人（法人或其他组织申请时填写）', a.contactPerson, { autocomplete: 'name', max: L['applicant.contactPerson'] })}
          <div class="field">
            <label for="${fieldId('applicant.idKind')}">证件类型</label>${message('applicant.idKind')}
            <select ${attrs('applicant.idKind')}>
              ${ID_KINDS.map((k) => html`<option value="${k}" ${k === a.idKind ? html` selected` : ''}>${k}</option>`)}
            </select>
          </div>
          ${text('applicant.idNumber', '证件号码', a.idNumber, { required: true, hint: '身份证明（条例第二十九条）。居民身份证为 18 位，最后一位可能是 X。', max: L['applicant.idNumber'] })}
          ${text('applicant.phone', '联系电话', a.phone, { type: 'tel', autocomplete: 'tel', hint: '电话、电子邮箱、通信地址至少填写一项。', max: L['applicant.phone'] })}
          ${text('applicant.email', '电子邮箱', a.email, { type: 'email', autocomplete: 'email', max: L['applicant.email'] })}
          ${text('applicant.address', '通信地址', a.address, { autocomplete: 'street-address', hint: '选择以邮寄方式获取信息的，须填写通信地址。', max: L['applicant.address'] })}
          ${text('applicant.postcode', '邮政编码', a.postcode, { autocomplete: 'postal-code', max: L['applicant.postcode'] })}
        </fieldset>
        <fieldset>
          <legend>申请公开的政府信息</legend>
          <p class="hint">
            请写明信息的名称、文号，或便于查询的其他特征性描述（条例第二十九条）。最多
            ${data.values.items.length} 项，不用的行留空。
          </p>
          ${data.values.items.map(
            (item, i) =>
              html`<div class="item-row">
                <div class="field">
                  <label for="${fieldId(`items.${i}.description`)}"
                    >第 ${i + 1}
                    项：信息名称或描述${i === 0 ? html` <span class="required" aria-hidden="true">*</span>` : ''}</label
                  >${message(`items.${i}.description`)}
                  <textarea
                    ${attrs(`items.${i}.description`, `${fieldId(`items.${i}.description`)}-count`)}
                    rows="3"
                    data-limit="${L.description}"
                    style="min-height:4rem;font-family:inherit;font-size:1rem"
                  >
${item.description}</textarea>
                  ${counter(`items.${i}.description`, item.description, L.description)}
                </div>
                ${text(`items.${i}.documentNumber`, `第 ${i + 1} 项：文号（如有）`, item.documentNumber, { max: L.documentNumber })}
              </div>`,
          )}
        </fieldset>
        ${radios('form', '获取信息的形式', INFORMATION_FORMS, INFORMATION_FORM_LABEL, data.values.form)}
        ${radios('delivery', '获取信息的途径', DELIVERY_METHODS, DELIVERY_METHOD_LABEL, data.values.delivery)}
        <div class="actions"><button type="submit">提交申请</button></div>
      </form>`,
  });
}

/** After submission: the 查询码 and the 查询密码, shown once. */
export function appliedPage(
  view: PortalView,
  result: { trackingCode: string; secret: string; receivedOn: string; replyDue: string | null },
): string {
  return portalPage(view, {
    title: '申请已提交',
    current: 'apply',
    body: html`<h1>申请已提交</h1>
      <div class="receipt" role="status">
        <p>您的政府信息公开申请已于 ${result.receivedOn} 收到。</p>
        <p>查询码：<code id="tracking-code">${result.trackingCode}</code></p>
        <p>查询密码：<code id="tracking-secret">${result.secret}</code></p>
        ${result.replyDue ? html`<p>本机关将在 ${result.replyDue} 前答复（20个工作日，需要补正或征求第三方意见的除外）。</p>` : ''}
      </div>
      <p>
        <strong>请记下查询码和查询密码</strong>：凭这两项可以在<a href="${link(view, '/status')}"
          >申请进度查询</a
        >页面查看办理进度；为保护您的个人信息，查询密码只显示这一次。
      </p>`,
  });
}
