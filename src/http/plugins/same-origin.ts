import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';

/**
 * Refuses a request a browser sent from another site (login CSRF: a forged form that logs the victim into the
 * attacker's account). Browsers mark such posts with `Sec-Fetch-Site: cross-site` and an `Origin` (or at least
 * a `Referer`) naming the other site; the request passes when those headers are absent (API clients, the CLI)
 * or name this server (its Host, or PUBLIC_URL).
 */
export function sameOriginOnly(publicUrl: string) {
  const publicHost = hostOf(publicUrl);
  return async (request: FastifyRequest) => {
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw crossSite();
    const source = request.headers.origin ?? request.headers.referer;
    if (source === undefined) return;
    const host = hostOf(source);
    if (host === null || (host !== request.host.toLowerCase() && host !== publicHost)) throw crossSite();
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

const crossSite = () => new AppError('forbidden', '登录请求来自其他网站，已拒绝：请在本系统的登录页面登录');
