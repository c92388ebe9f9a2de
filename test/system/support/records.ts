import { sql } from 'kysely';
import type { Database } from '../../../src/persistence/database.ts';
import { verifyEventChain } from '../../../src/persistence/repositories/event.repository.ts';
import { auditChainKey } from '../../../src/security/audit-key.ts';
import { createFieldCipher } from '../../../src/security/field-cipher.ts';
import { applicantName } from '../../../src/services/applications/applicant-input.ts';

/** What a client was told when its submission was acknowledged (201), and what it had sent. */
export interface Acknowledged {
  trackingCode: string;
  secret: string;
  applicantName: string;
  items: string[];
}

export interface RecordsReport {
  applications: number;
  events: number;
  /** acknowledged submissions whose application, register event and due-date changes are all stored */
  found: number;
  /** `PRAGMA integrity_check` (SQLite) — 'ok' — or 'n/a' on PostgreSQL */
  integrity: string;
  problems: string[];
}

/**
 * Proves the register is whole: every acknowledged submission is stored with what was sent, every
 * application has its register event and due-date changes (nothing half-written), nothing refers to a missing
 * row, the audit chain verifies and (SQLite) the file passes its integrity and foreign-key checks.
 */
export async function checkRecords(
  database: Database,
  acknowledged: readonly Acknowledged[],
  secretKey: Buffer,
): Promise<RecordsReport> {
  const db = database.db;
  const cipher = createFieldCipher(secretKey);
  const problems: string[] = [];
  let integrity = 'n/a';
  if (database.sqlite) {
    integrity = String(database.sqlite.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${integrity}`);
    const fk = database.sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`PRAGMA foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  }

  const apps = await db
    .selectFrom('applications')
    .select(['id', 'tracking_code', 'applicant_name', 'applicant_name_idx', 'facts', 'state'])
    .execute();
  const registerEvents = await db
    .selectFrom('events')
    .select(['id', 'entity_id'])
    .where('entity_type', '=', 'application')
    .where('action', '=', 'register')
    .execute();
  const registerOf = new Map<string, number[]>();
  for (const e of registerEvents) registerOf.set(e.entity_id, [...(registerOf.get(e.entity_id) ?? []), e.id]);
  const changes = await db.selectFrom('due_date_changes').select(['application_id', 'event_id']).execute();
  const changesOf = new Map<number, number[]>();
  for (const c of changes)
    changesOf.set(c.application_id, [...(changesOf.get(c.application_id) ?? []), c.event_id]);

  const byCode = new Map(apps.map((a) => [a.tracking_code, a]));
  for (const a of apps) {
    const events = registerOf.get(String(a.id)) ?? [];
    if (events.length !== 1)
      problems.push(`申请 ${a.tracking_code}：登记事件 ${events.length} 条（应为 1 条）`);
    const linked = changesOf.get(a.id) ?? [];
    if (linked.length === 0) problems.push(`申请 ${a.tracking_code}：没有期限记录`);
    if (events.length === 1 && !linked.includes(events[0]!))
      problems.push(`申请 ${a.tracking_code}：期限记录未关联登记事件`);
  }
  const appIds = new Set(apps.map((a) => String(a.id)));
  for (const entityId of registerOf.keys())
    if (!appIds.has(entityId)) problems.push(`登记事件指向不存在的申请 #${entityId}`);
  const orphanChanges = await sql<{ n: number }>`
    select count(*) as n from due_date_changes c
    where not exists (select 1 from events e where e.id = c.event_id)
       or not exists (select 1 from applications a where a.id = c.application_id)`.execute(db);
  if (Number(orphanChanges.rows[0]?.n ?? 0) > 0)
    problems.push(`${orphanChanges.rows[0]!.n} 条期限记录指向不存在的事件或申请`);

  let found = 0;
  for (const ack of acknowledged) {
    const row = byCode.get(ack.trackingCode);
    if (!row) {
      problems.push(`已确认的申请 ${ack.trackingCode} 不在数据库中`);
      continue;
    }
    const facts = JSON.parse(row.facts) as { items?: { description: string }[] };
    const items = (facts.items ?? []).map((i) => i.description);
    if (
      applicantName(cipher, row.applicant_name, row.applicant_name_idx) !== ack.applicantName ||
      JSON.stringify(items) !== JSON.stringify(ack.items)
    ) {
      problems.push(`已确认的申请 ${ack.trackingCode} 内容与提交的不符`);
      continue;
    }
    if ((registerOf.get(String(row.id)) ?? []).length !== 1 || (changesOf.get(row.id) ?? []).length === 0)
      continue;
    found++;
  }

  const chain = await verifyEventChain(db, auditChainKey(secretKey));
  const eventCount = Number(
    (
      await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (chain.broken) problems.push(`审计日志链断裂：事件 #${chain.broken.id}：${chain.broken.reason}`);
  else if (chain.checked !== eventCount)
    problems.push(`审计日志校验了 ${chain.checked} 条，表中有 ${eventCount} 条`);
  return { applications: apps.length, events: eventCount, found, integrity, problems };
}
