import { html } from './html.ts';
import { page } from './layout.ts';

export function notFoundPage(): string {
  return page({
    title: '页面不存在',
    body: html`<h1>页面不存在</h1>
      <p>您访问的页面不存在或已被移除。<a href="/">返回首页</a></p>`,
  });
}
