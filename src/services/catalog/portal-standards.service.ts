import type { DisclosureMatter, InformationItem, ItemState } from '../../domain/catalog/index.ts';
import { isPublic, matterName } from '../../domain/catalog/index.ts';
import { findItem } from '../../persistence/repositories/catalog-item.repository.ts';
import { interpretationsOf } from '../../persistence/repositories/catalog-link.repository.ts';
import {
  findMatter,
  mattersOf,
  publicItemsByMatter,
} from '../../persistence/repositories/disclosure-matter.repository.ts';
import { remembered } from './cache.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The portal's reads of the standard catalog: the public page (each 事项 with its public items) and, for an item's
 * page, the links between a document, its 政策解读 and its 事项. Only public items are ever shown.
 */
const TTL_MS = 300_000;
export const ITEMS_PER_MATTER = 10;

export interface PortalMatter extends DisclosureMatter {
  items: { id: number; title: string; publishedOn: string | null }[];
}

export function portalStandardCatalog(ctx: ServiceContext, agencyId: number): Promise<PortalMatter[]> {
  return remembered(ctx, `standards:${agencyId}`, TTL_MS, async () => {
    const db = ctx.database.db;
    const [matters, items] = await Promise.all([
      mattersOf(db, agencyId),
      publicItemsByMatter(db, agencyId, ITEMS_PER_MATTER),
    ]);
    return matters.map((m) => ({ ...m, items: items.get(m.id) ?? [] }));
  });
}

export interface ItemLinks {
  matter: { id: number; name: string } | null;
  /** the public 解读 of this document */
  interpretations: { id: number; title: string; form: string | null }[];
  /** the document this 解读 explains, when public */
  interprets: { id: number; title: string } | null;
}

export async function portalItemLinks(ctx: ServiceContext, item: InformationItem): Promise<ItemLinks> {
  const db = ctx.database.db;
  const [matter, interpretations, doc] = await Promise.all([
    item.matterId ? findMatter(db, item.matterId) : Promise.resolve(null),
    interpretationsOf(db, item.id),
    item.interpretsItemId ? findItem(db, item.interpretsItemId) : Promise.resolve(null),
  ]);
  const shown = (state: ItemState) => isPublic(state);
  return {
    matter: matter && matter.agencyId === item.agencyId ? { id: matter.id, name: matterName(matter) } : null,
    interpretations: interpretations
      .filter((i) => shown(i.state))
      .map((i) => ({ id: i.id, title: i.title, form: i.interpretationForm })),
    interprets:
      doc && doc.agencyId === item.agencyId && shown(doc.state) ? { id: doc.id, title: doc.title } : null,
  };
}
