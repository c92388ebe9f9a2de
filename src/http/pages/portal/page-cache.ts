import { catalogVersion } from '../../../services/catalog/cache.ts';

/**
 * An in-memory cache of rendered portal pages. An entry is used only while the catalog has not changed in this
 * process (the change counter of services/catalog-cache.ts) and for at most `ttlMs` (changes made elsewhere,
 * e.g. agency settings, show after that). Bounded by entries and by characters (a crawler walking odd URLs
 * cannot grow it); least recently used entries go first.
 */
export class PageCache {
  private readonly entries = new Map<string, { body: string; version: number; at: number }>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 5_000,
    private readonly ttlMs = 30_000,
    private readonly maxChars = 16_000_000,
  ) {}

  get(key: string, now = Date.now()): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.remove(key);
    if (entry.version !== catalogVersion() || now - entry.at > this.ttlMs) return null;
    this.add(key, entry);
    return entry.body;
  }

  set(key: string, body: string, now = Date.now()): void {
    this.remove(key);
    if (body.length > this.maxChars / 10) return;
    this.add(key, { body, version: catalogVersion(), at: now });
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars)
      this.remove(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  private add(key: string, entry: { body: string; version: number; at: number }) {
    this.entries.set(key, entry);
    this.chars += entry.body.length + key.length;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.body.length + key.length;
  }
}
