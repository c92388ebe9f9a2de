/**
 * The catalog's change counter in this process. Every service that changes what the portal shows bumps it
 * after its transaction commits; the portal's page cache keys on it, so a page never outlives a change made
 * through this server. (Writes from another process are picked up when the cache's time limit passes.)
 */
let version = 0;

export function catalogChanged(): void {
  version++;
}

export function catalogVersion(): number {
  return version;
}
