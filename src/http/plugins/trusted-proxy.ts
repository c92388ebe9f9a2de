import { isIP } from 'node:net';

/**
 * Behind TLS (GONGKAI_TLS=1) the server sits behind one reverse proxy on the same host or the private
 * network, which appends the client's address to X-Forwarded-For. Fastify's `trustProxy` then gets this
 * function: trust the immediate peer — and only it (one hop) — when it is a loopback or private address.
 * The client address (what rate limits count) is the entry the proxy appended; whatever a client wrote
 * into X-Forwarded-For itself, or a client reaching the port directly, cannot pick another address.
 */
export function trustOneLocalProxy(address: string, hop: number): boolean {
  return hop === 0 && isLocalAddress(address);
}

export function isLocalAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIP(a) === 4) {
    const [p, q] = a.split('.').map(Number) as [number, number];
    return p === 127 || p === 10 || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168);
  }
  if (isIP(a) === 6) return a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
  return false;
}
