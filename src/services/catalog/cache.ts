import { changed, changeVersion } from '../cluster/changes.ts';

/**
 * The catalog's change counter, and memos keyed on it. Every service that changes what the portal shows bumps
 * the counter after its transaction commits (and, inside the transaction, marks the stored pages stale:
 * page-store.service.ts); these memos key on it. The counter moves on every server process
 * (services/cluster/changes.ts: other processes hear of the change through the database), so nothing outlives a
 * change made anywhere. Listeners (the portal's page store) hear which agency and items changed through this
 * process, to render them again; stored pages are in the database, so another process's change has already
 * removed them.
 */
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
  changed('catalog');
  if (change) for (const listener of listeners) listener(change);
}

export function catalogVersion(): number {
  return changeVersion('catalog');
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
  const version = catalogVersion();
  if (hit && hit.version === version && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { value, version, at: now });
  if (memo.size > MAX_MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  value.catch(() => memo.delete(key));
  return value;
}

type GenerationMemo = Map<string, { generation: number; value: Promise<unknown> }>;
const generationMemos = new WeakMap<object, GenerationMemo>();
// the configurations (one an agency) and the category listings' start marks (one a category and filter)
const MAX_GENERATION_ENTRIES = 4_000;

/**
 * `load()`'s result at an agency's portal generation (`portal_generations`, bumped in the transaction of every
 * change the portal shows, whichever process makes it), remembered per `scope` (a database) and key. The
 * generation is read from the database before the call, so the memo is exact: it is kept only when the
 * generation (`current()`) is the same after the load as before it — a change committed during the load may
 * have been read by it — and a failed load is forgotten at once.
 */
export function rememberedAt<T>(
  scope: object,
  key: string,
  generation: number,
  load: () => Promise<T>,
  current: () => Promise<number>,
): Promise<T> {
  let memo = generationMemos.get(scope);
  if (!memo) generationMemos.set(scope, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { generation, value });
  if (memo.size > MAX_GENERATION_ENTRIES) memo.delete(memo.keys().next().value!);
  const forget = () => {
    if (memo.get(key)?.value === value) memo.delete(key);
  };
  value
    .then(async () => {
      if ((await current()) !== generation) forget();
    })
    .catch(forget);
  return value;
}
