import type { FastifyInstance } from 'fastify';

const HSTS_MAX_AGE = 31536000;

/** The Content-Security-Policy of every response: our own scripts only; inline styles (Ant Design) allowed. */
export const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The security headers (those helmet sets, with our CSP; HSTS only behind TLS), computed once. Building them
 * per request cost more than serving a cached portal page.
 */
export function securityHeaders(tls: boolean): Record<string, string> {
  return {
    'content-security-policy': Object.entries(CSP)
      .map(([k, v]) => `${k} ${v.join(' ')}`)
      .join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(tls ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE}; includeSubDomains` } : {}),
  };
}

export function registerSecurityHeaders(server: FastifyInstance, tls: boolean): void {
  const headers = securityHeaders(tls);
  server.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
