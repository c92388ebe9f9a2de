/**
 * Change counters of what processes cache (the catalog the portal shows, the working-day calendar). A cache
 * remembers the version it was filled at and is stale once the version moves. A change made in this process
 * moves it at once and is published to the other processes (`change-feed.ts`: PostgreSQL NOTIFY, or the
 * counter row polled); a change published by another process moves it here when it arrives.
 */
export type ChangeTopic = 'catalog' | 'calendar';

const versions: Record<ChangeTopic, number> = { catalog: 0, calendar: 0 };
const publishers = new Set<(topic: ChangeTopic) => void>();

/** Something under `topic` changed here (call after the transaction committed). */
export function changed(topic: ChangeTopic): void {
  versions[topic]++;
  for (const publish of publishers) publish(topic);
}

/** Something under `topic` changed in another process. */
export function changedElsewhere(topic: ChangeTopic): void {
  versions[topic]++;
}

export function changeVersion(topic: ChangeTopic): number {
  return versions[topic];
}

/** A change feed publishes this process's changes to the others while it runs; returns its removal. */
export function addPublisher(publish: (topic: ChangeTopic) => void): () => void {
  publishers.add(publish);
  return () => publishers.delete(publish);
}
