import pg from 'pg';
import type { Database } from '../../persistence/database.ts';
import {
  bumpChangeCounter,
  readChangeCounters,
} from '../../persistence/repositories/change-counter.repository.ts';
import type { ChangeTopic } from './changes.ts';
import { addPublisher, changedElsewhere } from './changes.ts';

const TOPICS: ChangeTopic[] = ['catalog', 'calendar'];

export interface ChangeFeed {
  stop(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** how often the counters are read (SQLite: the only way; PostgreSQL: a safety net beside LISTEN) */
  pollMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Tells the other server processes on this database what changed here, and this process what changed there.
 * Every change bumps its row in `change_counters`; on PostgreSQL it is also announced with NOTIFY on a channel
 * of this schema, which every process LISTENs to on a connection of its own (delivery within milliseconds). The
 * counters are also polled (every second on SQLite, every 10 s on PostgreSQL), so a notification missed while
 * a connection was down is caught up, and a crash between the commit and the publication costs one poll.
 */
export async function startChangeFeed(
  database: Database,
  options: ChangeFeedOptions = {},
): Promise<ChangeFeed> {
  const log = options.log ?? (() => undefined);
  const seen = await readChangeCounters(database.db);
  const channel = `gongkai_changes_${database.postgres?.schema ?? 'public'}`.slice(0, 63);
  let listener: pg.Client | null = null;
  let stopped = false;
  const pending = new Set<Promise<void>>();

  const arrived = (topic: ChangeTopic, version: number) => {
    if (version <= (seen.get(topic) ?? 0)) return;
    seen.set(topic, version);
    changedElsewhere(topic);
  };

  const removePublisher = addPublisher((topic) => {
    const publication = (async () => {
      const version = await bumpChangeCounter(database.db, topic);
      // our own change has moved the local version already; a jump of more than one means others changed too
      const before = seen.get(topic) ?? 0;
      if (version > before + 1) changedElsewhere(topic);
      seen.set(topic, Math.max(before, version));
      if (listener) await listener.query('select pg_notify($1, $2)', [channel, `${topic}:${version}`]);
    })().catch((error: unknown) => log('发布变更失败', error));
    pending.add(publication);
    void publication.finally(() => pending.delete(publication));
  });

  const poll = async () => {
    const counters = await readChangeCounters(database.db);
    for (const topic of TOPICS) arrived(topic, counters.get(topic) ?? 0);
  };
  const timer = setInterval(
    () => void poll().catch((error: unknown) => log('读取变更计数失败', error)),
    options.pollMs ?? (database.postgres ? 10_000 : 1_000),
  );
  timer.unref();

  const listen = async () => {
    if (!database.postgres || stopped) return;
    const client = new pg.Client({
      connectionString: database.postgres.url,
      ...(database.postgres.schema ? { options: `-c search_path=${database.postgres.schema}` } : {}),
    });
    client.on('notification', (message) => {
      const [topic, version] = (message.payload ?? '').split(':');
      if (TOPICS.includes(topic as ChangeTopic)) arrived(topic as ChangeTopic, Number(version));
    });
    client.on('error', (error) => {
      log('变更通知连接中断，5 秒后重连', error);
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void listen().catch(() => undefined), 5_000).unref();
    });
    await client.connect();
    await client.query(`listen "${channel}"`);
    listener = client;
    await poll(); // what changed while we were not listening
  };
  await listen();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      removePublisher();
      await Promise.all(pending); // a CLI command's change reaches the servers before it exits
      const client = listener;
      listener = null;
      if (client) await client.end().catch(() => undefined);
    },
  };
}
