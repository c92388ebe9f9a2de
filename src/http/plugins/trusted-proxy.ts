import { BlockList, isIP } from 'node:net';
import { parseProxyEntry } from '../../config.ts';

/**
 * Behind TLS (GONGKAI_TLS=1) the server sits behind a reverse proxy that appends the client's address to
 * X-Forwarded-For. Fastify's `trustProxy` then gets this function: X-Forwarded-For is read only when the
 * immediate peer (one hop) is one of the proxy addresses configured (TRUSTED_PROXIES, default the loopback
 * addresses) — never because a peer merely has a loopback or private address. The client address (what rate
 * limits count) is the entry the proxy appended; whatever a client wrote into X-Forwarded-For itself, or a
 * client reaching the port directly from any other address (the private network included), cannot pick
 * another address.
 */
export function trustConfiguredProxies(
  proxies: readonly string[],
): (address: string, hop: number) => boolean {
  const list = proxyBlockList(proxies);
  return (address, hop) => {
    if (hop !== 0) return false;
    const a = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function proxyBlockList(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    const parsed = parseProxyEntry(entry);
    if (!parsed) continue; // refused by loadConfig with a message
    if (parsed.prefix === null) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

/** A loopback client (127.0.0.0/8, ::1): the demo password is shown only to one (issue 16 point 7). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}
