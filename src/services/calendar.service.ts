import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Principal } from '../domain/access/principal.ts';
import { actorOf, hasRole } from '../domain/access/principal.ts';
import type { Application } from '../domain/application/index.ts';
import { refreshDeadlines } from '../domain/application/index.ts';
import type { Schedule, WorkingCalendar } from '../domain/calendar/index.ts';
import { BUNDLED_SCHEDULES, bundledCalendar, validateSchedule } from '../domain/calendar/index.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import {
  findApplication,
  insertDueDateChanges,
  openApplicationIds,
  updateApplication,
} from '../persistence/repositories/application.repository.ts';
import type { Schema } from '../persistence/schema.ts';
import { changed, changeVersion } from './cluster/changes.ts';
import type { Recorder, ServiceContext } from './context.ts';
import { inTransaction, nowIso, todayInChina } from './context.ts';

/**
 * The working-day calendar in use: the bundled official schedules (2018–2026) plus the years an administrator
 * loaded at run time. Built once per context and rebuilt when a schedule is loaded (in any process).
 */
const cache = new WeakMap<ServiceContext, { version: number; calendar: Promise<WorkingCalendar> }>();

async function load(ctx: ServiceContext): Promise<WorkingCalendar> {
  const rows = await ctx.database.db.selectFrom('holiday_schedules').select('data').orderBy('year').execute();
  return bundledCalendar(rows.map((r) => JSON.parse(r.data) as Schedule));
}

export function workingCalendar(ctx: ServiceContext): Promise<WorkingCalendar> {
  // a schedule loaded through another server process moves the version here too (services/cluster/changes.ts)
  const version = changeVersion('calendar');
  const hit = cache.get(ctx);
  if (hit && hit.version === version) return hit.calendar;
  const calendar = load(ctx);
  cache.set(ctx, { version, calendar });
  calendar.catch(() => cache.delete(ctx));
  return calendar;
}

export async function uploadedYears(ctx: ServiceContext): Promise<number[]> {
  const rows = await ctx.database.db.selectFrom('holiday_schedules').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

/**
 * An administrator loads a year's official schedule (国务院办公厅关于YYYY年部分节假日安排的通知) without a code
 * change. Every open application's deadlines are derived again on the new calendar; each change is recorded
 * with reason `schedule_updated`. All in one transaction.
 */
export async function loadSchedule(
  ctx: ServiceContext,
  actor: Principal,
  input: unknown,
): Promise<{ year: number; warnings: string[]; applicationsUpdated: number }> {
  if (!hasRole(actor, 'admin')) throw forbidden('只有管理员可以导入放假安排');
  const result = validateSchedule(input);
  if (!result.ok)
    throw new AppError('validation', `放假安排有误：${result.errors.join('；')}`, 'schedule', result.errors);
  const schedule = result.schedule;
  const today = todayInChina(ctx);
  const updated = await inTransaction(ctx, async (trx, record) => {
    const existing = await trx
      .selectFrom('holiday_schedules')
      .select('year')
      .where('year', '=', schedule.year)
      .executeTakeFirst();
    const values = {
      data: JSON.stringify(schedule),
      uploaded_by: actor.kind === 'staff' ? actor.userId : null,
      uploaded_at: nowIso(ctx),
    };
    if (existing)
      await trx.updateTable('holiday_schedules').set(values).where('year', '=', schedule.year).execute();
    else
      await trx
        .insertInto('holiday_schedules')
        .values({ year: schedule.year, ...values })
        .execute();
    await record({
      agencyId: null,
      entityType: 'holiday_schedule',
      entityId: schedule.year,
      action: existing ? 'replace' : 'load',
      actor: actorOf(actor),
      data: { year: schedule.year, days: schedule.days.length, warnings: result.warnings },
    });
    return refreshOpenDeadlines(ctx, trx, record, today);
  });
  cache.delete(ctx);
  changed('calendar');
  return { year: schedule.year, warnings: result.warnings, applicationsUpdated: updated };
}

/**
 * Derives every open application's deadlines again on the calendar as stored now (bundled and loaded
 * schedules) and records each change with reason `schedule_updated`; returns how many changed. Run inside the
 * caller's transaction (a schedule load), or by the `deadlines-recompute` job after an upgrade brought new
 * bundled schedules.
 */
export async function refreshOpenDeadlines(
  ctx: ServiceContext,
  trx: Transaction<Schema>,
  record: Recorder,
  today: string,
): Promise<number> {
  const rows = await trx.selectFrom('holiday_schedules').select('data').orderBy('year').execute();
  const calendar = bundledCalendar(rows.map((r) => JSON.parse(r.data) as Schedule));
  let count = 0;
  for (const id of await openApplicationIds(trx)) {
    const stored = (await findApplication(trx, id))!;
    const { application, event } = refreshDeadlines(stored.application, calendar, today);
    if (!event) continue;
    await updateApplication(trx, id, stored.version, application satisfies Application, nowIso(ctx));
    const saved = await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: event.action,
      actor: 'system',
      data: event,
    });
    await insertDueDateChanges(trx, id, saved.id, event.dueDateChanges);
    count++;
  }
  return count;
}

/** A fingerprint of every schedule the calendar is built from (bundled and loaded): it changes with either. */
export async function calendarFingerprint(ctx: ServiceContext): Promise<string> {
  const rows = await ctx.database.db
    .selectFrom('holiday_schedules')
    .select(['year', 'data'])
    .orderBy('year')
    .execute();
  return createHash('sha256')
    .update(JSON.stringify(BUNDLED_SCHEDULES))
    .update(JSON.stringify(rows))
    .digest('hex');
}
