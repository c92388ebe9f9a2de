import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AppealKind, DecidedResult } from '../../domain/appeals/index.ts';
import type { Application, Outcome } from '../../domain/application/index.ts';
import { CLOSED_STATES } from '../../domain/application/index.ts';
import type {
  AgencyCount,
  ClosedApplication,
  DecidedAppeal,
  ItemMonth,
  MonthCount,
} from '../../domain/supervision/index.ts';
import type { Schema } from '../schema.ts';
import { withSubtree } from './agency.repository.ts';

/**
 * The live records of a subtree's agencies for the performance dashboard, a period [from, to] of dates: grouped
 * in SQL where a count is all that is needed (applications received, items published, open applications
 * overdue), projected per record where the domain needs dates (replies, decided cases).
 */

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export async function receivedByMonth(
  db: Kysely<Schema>,
  rootId: number,
  from: string,
  to: string,
): Promise<MonthCount[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('applications')
    .select(['agency_id', month('received_on').as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .groupBy(['agency_id', month('received_on')])
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id, month: r.month, count: Number(r.n) }));
}

/**
 * Applications closed in the period. "Replied" is the workspace's rule (report-figures.repository): the
 * closing outcome is the approved decision's — not deemed abandoned, not withdrawn.
 */
export async function closedInPeriod(
  db: Kysely<Schema>,
  rootId: number,
  from: string,
  to: string,
): Promise<ClosedApplication[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('applications')
    .select(['agency_id', 'received_on', 'closed_on', 'reply_due', 'outcome', 'facts'])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('closed_on', '>=', from)
    .where('closed_on', '<=', to)
    .execute();
  return rows.map((r) => {
    const decision = (JSON.parse(r.facts) as Partial<Application>).decision ?? null;
    return {
      agencyId: r.agency_id,
      receivedOn: r.received_on,
      closedOn: r.closed_on!,
      replyDueOn: r.reply_due,
      outcome: r.outcome as Outcome | null,
      replied:
        r.outcome !== null &&
        decision !== null &&
        decision.outcome === r.outcome &&
        decision.approvedOn !== null,
    };
  });
}

/** Open applications past their reply due date (the inbox's "overdue": due < today). */
export async function overdueNow(db: Kysely<Schema>, rootId: number, today: string): Promise<AgencyCount[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('applications')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('state', 'not in', [...CLOSED_STATES])
    .where('reply_due', 'is not', null)
    .where('reply_due', '<', today)
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id, count: Number(r.n) }));
}

export async function appealsDecided(
  db: Kysely<Schema>,
  rootId: number,
  from: string,
  to: string,
): Promise<DecidedAppeal[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('appeal_cases')
    .select(['agency_id', 'kind', 'decided_on', 'result'])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .where('result', 'is not', null)
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    kind: r.kind as AppealKind,
    decidedOn: r.decided_on!,
    result: r.result as DecidedResult,
  }));
}

/** Items published in the period by month, and how many of them after their Art. 26 date (the catalog's "late"). */
export async function itemsByMonth(
  db: Kysely<Schema>,
  rootId: number,
  from: string,
  to: string,
): Promise<ItemMonth[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('catalog_items')
    .select([
      'agency_id',
      month('published_on').as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when published_on > publication_due_on then 1 else 0 end)`.as('late'),
    ])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('published_on', '>=', from)
    .where('published_on', '<=', to)
    .groupBy(['agency_id', month('published_on')])
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    month: r.month,
    published: Number(r.n),
    late: Number(r.late ?? 0),
  }));
}

/** Items not published and past their Art. 26 date today (the catalog's "overdue"). */
export async function itemsOverdueNow(
  db: Kysely<Schema>,
  rootId: number,
  today: string,
): Promise<AgencyCount[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('catalog_items')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('published_on', 'is', null)
    .where('publication_due_on', '<', today)
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id, count: Number(r.n) }));
}
