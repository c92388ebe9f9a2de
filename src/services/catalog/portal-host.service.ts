import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { listAgencies } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';
import { remembered } from './cache.ts';

/**
 * One installation, a portal per agency (政府网站集约化, #15 point 3): an agency's portal is served at the host
 * names of its setting `domains` (e.g. `["wjj.example.gov.cn"]`), or under `/a/CODE/` or `?agency=CODE` on any
 * host. A host bound to an agency serves that agency only, whatever the query says. The installation's own
 * host, when no agency is its default portal, lists the agencies by hierarchy.
 */
const TTL_MS = 30_000;

/** Host names as compared: lower case, without the port and a trailing dot. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

export function agencyDomains(agency: Agency): string[] {
  const domains = agency.settings.domains;
  return Array.isArray(domains)
    ? domains.filter((d): d is string => typeof d === 'string').map(normaliseHost)
    : [];
}

function hostMap(ctx: ServiceContext): Promise<Map<string, Agency>> {
  return remembered(ctx, 'portal-hosts', TTL_MS, async () => {
    const map = new Map<string, Agency>();
    for (const agency of await listAgencies(ctx.database.db))
      for (const domain of agencyDomains(agency)) if (!map.has(domain)) map.set(domain, agency);
    return map;
  });
}

/** The agency whose portal this host name is, or null (the installation's own host, or an unknown one). */
export async function agencyForHost(ctx: ServiceContext, host: string | undefined): Promise<Agency | null> {
  if (!host) return null;
  return (await hostMap(ctx)).get(normaliseHost(host)) ?? null;
}

export interface DirectoryNode {
  agency: Agency;
  /** the portal's address: its first domain, or the path prefix */
  href: string;
  children: DirectoryNode[];
}

/**
 * The agencies by hierarchy for the installation's home page, or null when the installation is one portal
 * (an agency is marked `portal: {default: true}`, or there is only one agency).
 */
export function agencyDirectory(ctx: ServiceContext, protocol: string): Promise<DirectoryNode[] | null> {
  return remembered(ctx, `portal-directory:${protocol}`, TTL_MS, async () => {
    const agencies = await listAgencies(ctx.database.db);
    if (agencies.length <= 1) return null;
    if (agencies.some((a) => (a.settings.portal as { default?: unknown } | undefined)?.default === true))
      return null;
    const byParent = new Map<number | null, Agency[]>();
    for (const a of agencies) byParent.set(a.parentId, [...(byParent.get(a.parentId) ?? []), a]);
    const known = new Set(agencies.map((a) => a.id));
    const node = (agency: Agency): DirectoryNode => {
      const domain = agencyDomains(agency)[0];
      return {
        agency,
        href: domain ? `${protocol}//${domain}/` : `/a/${encodeURIComponent(agency.code)}/`,
        children: (byParent.get(agency.id) ?? []).map(node),
      };
    };
    return agencies.filter((a) => a.parentId === null || !known.has(a.parentId)).map(node);
  });
}
