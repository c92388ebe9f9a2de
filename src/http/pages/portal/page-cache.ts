import { catalogVersion } from '../../../services/catalog-cache.ts';

/**
 * An in-memory cache of rendered portal pages. An entry is used only while the catalog has not changed in this
 * process (the change counter of services/catalog-cache.ts) and for at most `ttlMs` (changes made elsewhere,
 * e.g. agency settings, show after that). Least recently used entries go first when it is full.
 */
export class PageCache {
  private readonly entries = new Map<string, { body: string; version: number; at: number }>();

  constructor(
    private readonly maxEntries = 5_000,
    private readonly ttlMs = 30_000,
  ) {}

  get(key: string, now = Date.now()): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.version !== catalogVersion() || now - entry.at > this.ttlMs) return null;
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, body: string, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { body, version: catalogVersion(), at: now });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
