/**
 * The catalog's change counter in this process, and memos keyed on it. Every service that changes what the
 * portal shows bumps the counter after its transaction commits (and, inside the transaction, marks the stored
 * pages stale: page-store.service.ts); these memos key on it, so nothing outlives a change made through this
 * server. Listeners (the portal's page store) hear which agency and items changed, to render them again.
 *
 * Another process's change: the stored pages are in the database and already gone; what this process keeps
 * in memory is dropped by `catalogChangedElsewhere(agencyId)` — the one call a LISTEN/NOTIFY handler makes —
 * or when an entry's time limit passes.
 */
let version = 0;

export interface CatalogChange {
  /** the database the change was made in */
  database: object;
  agencyId: number;
  /** items whose own pages changed (published, 失效, 废止, 撤回) */
  items: readonly number[];
}

type Listener = (change: CatalogChange) => void;
const listeners = new Set<Listener>();

/** Hears every change made through this process, after it is committed. Returns the unsubscribe function. */
export function onCatalogChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function catalogChanged(change?: CatalogChange): void {
  version++;
  if (change) for (const listener of listeners) listener(change);
}

/** A change made by another process (PostgreSQL NOTIFY): forget what this process remembers of the agency. */
export function catalogChangedElsewhere(_agencyId: number): void {
  version++;
}

export function catalogVersion(): number {
  return version;
}

type Memo = Map<string, { value: Promise<unknown>; version: number; at: number }>;
const memos = new WeakMap<object, Memo>();
const MAX_MEMO_ENTRIES = 10_000;

/**
 * `load()`'s result, remembered per `scope` (a service context) and key while the catalog is unchanged and for
 * at most `ttlMs`. A failed load is forgotten at once.
 */
export function remembered<T>(scope: object, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(scope);
  if (!memo) memos.set(scope, (memo = new Map()));
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && hit.version === version && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { value, version, at: now });
  if (memo.size > MAX_MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  value.catch(() => memo.delete(key));
  return value;
}
