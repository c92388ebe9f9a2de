import type { FastifyInstance } from 'fastify';
import type { App } from '../../app.ts';

/** The banner every page carries while the demo is on (issue 16 point 7): portal, checker and console alike. */
export const DEMO_BANNER =
  '<div class="demo-banner" role="note" style="background:#fff1b8;color:#5c3c00;border-bottom:1px solid #d4b106;padding:6px 12px;text-align:center;font-size:14px">演示模式：本站运行的是生成的演示数据，不是真实的政府信息公开网站，请勿提交真实的个人信息。正式使用前请设置 GONGKAI_DEMO=0。</div>';

/**
 * While the demo is on (a demo login was found or seeded at start), every HTML page gets the banner right after
 * its <body> tag: the server-rendered pages and the console's index.html (the React app mounts below it).
 */
export function registerDemoBanner(server: FastifyInstance, app: App): void {
  server.addHook('onSend', async (_request, reply, payload) => {
    if (!app.demoLogin || typeof payload !== 'string') return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('text/html')) return payload;
    return payload.replace(/<body\b[^>]*>/i, (tag) => `${tag}${DEMO_BANNER}`);
  });
}
