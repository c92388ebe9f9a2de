import type { Kysely } from 'kysely';
import type { PageToStore } from '../../../persistence/repositories/portal-page.repository.ts';
import { storePages } from '../../../persistence/repositories/portal-page.repository.ts';
import type { Schema } from '../../../persistence/schema.ts';
import { compressed } from './compression.ts';

/** A rendered page before its compressed forms. */
export type RenderedPage = Omit<PageToStore, 'gzip' | 'brotli'>;

/** Pages waiting at most; past it a page rendered on request is not stored (it is rendered again when asked). */
const MAX_PENDING = 512;
const BATCH = 64;

interface Pending {
  page: RenderedPage & Partial<Pick<PageToStore, 'gzip' | 'brotli'>>;
  generation: number;
}

/**
 * The write-behind of pages rendered on request: the request is answered first, and the page is compressed (on
 * the thread pool) and stored later, in batches of one transaction each — one commit for many pages, not an
 * fsync per request. The store is a cache of renders: a page lost in a crash, or not queued because the queue
 * is full, is rendered again on its next request. Each page is stored only if its agency's generation is still
 * the one read before its render (storePages), so a change that raced it leaves it unstored.
 */
export class PageWriter {
  private readonly pending = new Map<string, Pending>();
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Schema>) {}

  /** Queues a page; false when the queue is full (the page is then not stored). */
  add(page: Pending['page'], generation: number): boolean {
    const key = `${page.agencyId}|${page.path}`;
    if (!this.pending.has(key) && this.pending.size >= MAX_PENDING) return false;
    this.pending.set(key, { page, generation });
    this.running ??= this.drain().finally(() => (this.running = null));
    return true;
  }

  /** Resolves when every page queued before the call is stored or refused. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // after the answers of this turn of the event loop have gone out
    await new Promise((ok) => setImmediate(ok));
    while (this.pending.size > 0) {
      const batch = [...this.pending].slice(0, BATCH);
      for (const [key] of batch) this.pending.delete(key);
      try {
        await this.store(batch.map(([, p]) => p));
      } catch (error) {
        console.error('portal page store: storing rendered pages failed', error);
      }
    }
  }

  private async store(batch: Pending[]): Promise<void> {
    const ready = await Promise.all(
      batch.map(async ({ page, generation }) => ({
        generation,
        page: {
          ...page,
          gzip: page.gzip ?? (await compressed(page.body, 'gzip')),
          brotli: page.brotli ?? (await compressed(page.body, 'br')),
        },
      })),
    );
    // one storePages per agency and generation it was rendered at (its condition is the agency's generation)
    const groups = new Map<string, { generation: number; pages: PageToStore[] }>();
    for (const { page, generation } of ready) {
      const key = `${page.agencyId}|${generation}`;
      const group = groups.get(key) ?? { generation, pages: [] };
      group.pages.push(page);
      groups.set(key, group);
    }
    for (const { generation, pages } of groups.values()) await storePages(this.db, pages, generation);
  }
}
