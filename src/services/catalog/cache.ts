import { changed, changeVersion } from '../cluster/changes.ts';

/**
 * The catalog's change counter, and memos keyed on it. Every service that changes what the portal shows bumps
 * the counter after its transaction commits; the portal's page cache and these memos key on it. The counter
 * moves on every server process (services/cluster/changes.ts: other processes hear of the change through the
 * database), so nothing outlives a change made anywhere. (Agency settings show when an entry's time limit passes.)
 */
export function catalogChanged(): void {
  changed('catalog');
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
