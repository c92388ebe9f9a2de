import { html } from './html.ts';
import { page } from './layout.ts';

/**
 * The error page for a browser's form post or page request (API clients get JSON): the Chinese message, and
 * the way back that keeps what was typed (going back, the browser restores the form's fields; a link would
 * reload the form empty, and the CSP allows no inline script).
 */
export function errorPage(message: string): string {
  return page({
    title: '请求未能完成',
    body: html`<h1>请求未能完成</h1>
      <p role="alert">${message}</p>
      <p>请使用浏览器的“返回”回到上一页，已填写的内容仍在表单中。<a href="/">返回首页</a></p>`,
  });
}
