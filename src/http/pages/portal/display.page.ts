import { html } from '../html.ts';
import type { DisplaySettings } from './display.ts';
import { TEXT_SIZE_LABEL, TEXT_SIZES } from './display.ts';
import { breadcrumbs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { portalPage } from './shell.ts';

/** /display without a change: the settings as a form. */
export function displayPage(view: PortalView, d: DisplaySettings, back: string): string {
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    html`<label class="choice"
      ><input type="radio" name="${name}" value="${value}" ${checked ? html`checked` : ''} /> ${label}</label
    >`;
  return portalPage(view, {
    title: '适老化设置',
    current: 'none',
    body: html`${breadcrumbs(view, [{ label: '适老化设置' }])}
      <h1>适老化设置</h1>
      <form method="get" action="/display" class="display-form">
        <input type="hidden" name="back" value="${back}" />
        <fieldset>
          <legend>字号</legend>
          ${TEXT_SIZES.map((s) => radio('size', s, TEXT_SIZE_LABEL[s], d.size === s))}
        </fieldset>
        <fieldset>
          <legend>高对比度</legend>
          ${radio('contrast', '0', '关闭', !d.contrast)} ${radio('contrast', '1', '开启', d.contrast)}
        </fieldset>
        <fieldset>
          <legend>行距</legend>
          ${radio('spacing', '0', '标准', !d.spacing)} ${radio('spacing', '1', '加大', d.spacing)}
        </fieldset>
        <button type="submit">保存设置</button>
      </form>
      <p>浏览器支持语音朗读时，每页顶部有“朗读全文”按钮，朗读本页正文。</p>`,
  });
}
