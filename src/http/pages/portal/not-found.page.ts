import { html } from '../html.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

export function portalNotFound(view: PortalView, what = '页面'): string {
  return portalPage(view, {
    title: `${what}不存在`,
    current: 'none',
    body: html`<h1>${what}不存在</h1>
      <p>
        您访问的${what}不存在、尚未公开或已被撤回。<a href="${link(view, '/')}">返回首页</a> 或
        <a href="${link(view, '/catalog')}">浏览信息公开目录</a>。
      </p>`,
  });
}
