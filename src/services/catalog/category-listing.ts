import type { ItemFilter, PageStart } from '../../persistence/repositories/catalog-item.repository.ts';
import { listingStarts, pageOfItems } from '../../persistence/repositories/catalog-item.repository.ts';
import type { ListedItem, ListingFilter } from '../../persistence/repositories/catalog-listing.repository.ts';
import { listingReader } from '../../persistence/repositories/catalog-listing.repository.ts';
import { portalGeneration } from '../../persistence/repositories/portal-page.repository.ts';
import type { ServiceContext } from '../context.ts';
import { rememberedAt } from './cache.ts';

/**
 * A category's listing for the page store's renders: where each page starts, walked once per portal generation
 * (`portal_generations`, bumped in the transaction of every change the portal shows), so a deep page is a seek
 * of 20 rows instead of an OFFSET walk past every row before it. Keyed on the generation read from the database,
 * the marks are exact: they are kept only when the generation is the same after the walk as before it. A
 * listing with an item without a 发布日期 (the two databases order NULL differently) is paged by OFFSET.
 */
export interface Listing {
  total: number;
  /** null: paged by offset */
  starts: PageStart[] | null;
}

export function categoryListing(
  ctx: ServiceContext,
  filter: ItemFilter,
  key: string,
  generation: number,
  size: number,
): Promise<Listing> {
  // a change committed during the walk: the marks may be of the next generation, not this one (rememberedAt)
  return rememberedAt(
    ctx.database,
    `listing:${key}`,
    generation,
    async () => {
      const walked = await listingStarts(ctx.database.db, filter, size);
      return { total: walked.total, starts: walked.dated === walked.total ? walked.starts : null };
    },
    () => portalGeneration(ctx.database.db, filter.agencyId),
  );
}

/**
 * Page `page` (from 1) of the listing: a seek from its start mark, read from the category index alone; empty
 * past the last page.
 */
export function listingPage(
  ctx: ServiceContext,
  filter: ListingFilter,
  listing: Listing,
  page: number,
  size: number,
): Promise<ListedItem[]> {
  if (!listing.starts)
    return pageOfItems(ctx.database.db, filter, { limit: size, offset: (page - 1) * size });
  const start = listing.starts[page - 1];
  if (!start) return Promise.resolve([]);
  return listingReader(ctx.database).pageFrom(filter, start, listing.starts[page] ?? null, size);
}
