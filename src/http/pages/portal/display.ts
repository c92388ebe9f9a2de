import type { Html } from '../html.ts';
import { html } from '../html.ts';

/**
 * 适老化 display settings (互联网应用适老化及无障碍改造): text size (标准 / 大 / 特大), high contrast and wider line
 * spacing, kept in a cookie and applied by a stylesheet (/display.css) that depends on it — so every page's
 * HTML is the same for everyone and can be stored, compressed and revalidated. The settings are plain links
 * and a form: they work without JavaScript. Reading aloud (朗读) needs the browser's speech synthesis
 * (assets/display.js shows the button only where there is one).
 */
export const DISPLAY_COOKIE = 'gk_display';

export type TextSize = 'standard' | 'large' | 'larger';
export const TEXT_SIZES: readonly TextSize[] = ['standard', 'large', 'larger'];
export const TEXT_SIZE_LABEL: Record<TextSize, string> = { standard: '标准', large: '大', larger: '特大' };
const TEXT_SIZE_PX: Record<TextSize, number> = { standard: 16, large: 20, larger: 24 };

export interface DisplaySettings {
  size: TextSize;
  contrast: boolean;
  spacing: boolean;
}

export const STANDARD_DISPLAY: DisplaySettings = { size: 'standard', contrast: false, spacing: false };

/** The cookie's value: `size.contrast.spacing`, e.g. `large.1.0`; anything else reads as the standard display. */
export function readDisplay(cookie: string | undefined): DisplaySettings {
  const m = cookie ? /^(standard|large|larger)\.([01])\.([01])$/.exec(cookie) : null;
  return m ? { size: m[1] as TextSize, contrast: m[2] === '1', spacing: m[3] === '1' } : STANDARD_DISPLAY;
}

export function writeDisplay(d: DisplaySettings): string {
  return `${d.size}.${d.contrast ? 1 : 0}.${d.spacing ? 1 : 0}`;
}

/** The settings after a /display request: `size`, `contrast` and `spacing` (1/0), or the old `large` (1/0). */
export function changedDisplay(
  current: DisplaySettings,
  q: Record<string, string | undefined>,
): DisplaySettings {
  const flag = (v: string | undefined, was: boolean) => (v === '1' ? true : v === '0' ? false : was);
  const size = TEXT_SIZES.includes(q.size as TextSize)
    ? (q.size as TextSize)
    : q.large === '1'
      ? 'large'
      : q.large === '0'
        ? 'standard'
        : current.size;
  return { size, contrast: flag(q.contrast, current.contrast), spacing: flag(q.spacing, current.spacing) };
}

/** The stylesheet for these settings (empty for the standard display). */
export function displayCss(d: DisplaySettings): string {
  const rules: string[] = [];
  if (d.size !== 'standard') rules.push(`:root { font-size: ${TEXT_SIZE_PX[d.size]}px; }`);
  rules.push(`.display-bar a[data-size="${d.size}"] { font-weight: 700; text-decoration: underline 2px; }`);
  if (d.contrast)
    rules.push(
      `:root { --ink: #ffffff; --muted: #ffff66; --line: #ffffff; --brand: #000000; --brand-ink: #ffff00; --link: #ffff00; --bg-soft: #000000; --error: #ff8080; --warning: #ffd966; }`,
      `html, body, main, header, footer, input, select, textarea, button, table, th, td, dialog { background: #000000 !important; color: #ffffff !important; }`,
      `a, a:visited { color: #ffff00 !important; } mark { background: #ffff00 !important; color: #000000 !important; }`,
      `input, select, textarea, button { border: 2px solid #ffffff !important; }`,
      `.display-bar a[data-contrast] { font-weight: 700; text-decoration: underline 2px; }`,
    );
  if (d.spacing)
    rules.push(
      `body { line-height: 2.1; } p, li, td, th, dd { letter-spacing: 0.06em; word-spacing: 0.16em; }`,
      `.display-bar a[data-spacing] { font-weight: 700; text-decoration: underline 2px; }`,
    );
  return `/* 适老化 display: ${writeDisplay(d)} */\n${rules.join('\n')}\n`;
}

/** The bar on every page: text sizes, contrast, line spacing, the settings page and the read-aloud button. */
export function displayBar(path: string): Html {
  const back = encodeURIComponent(path);
  return html`<div class="display-bar" role="group" aria-label="适老化与无障碍">
    <span>字号：</span>
    ${TEXT_SIZES.map(
      (s) =>
        html`<a
          href="/display?size=${s}&amp;back=${back}"
          data-size="${s}"
          aria-label="${TEXT_SIZE_LABEL[s]}字号"
          >${TEXT_SIZE_LABEL[s]}</a
        >`,
    )}
    <a href="/display?contrast=toggle&amp;back=${back}" data-contrast="">高对比度</a>
    <a href="/display?spacing=toggle&amp;back=${back}" data-spacing="">加大行距</a>
    <a href="/display?back=${back}">适老化设置</a>
    <button type="button" class="read-aloud" data-read-aloud hidden>朗读全文</button>
  </div>`;
}
