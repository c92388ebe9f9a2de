import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import { findPublishedReport } from '../../persistence/repositories/published-report.repository.ts';
import { inbox } from '../applications/queries.ts';
import type { ServiceContext } from '../context.ts';
import { reportWorkspace } from '../report-workspace/workspace.service.ts';
import { myReminders } from '../reminders/reminders.service.ts';
import { CLOSED_STATES } from '../../domain/application/index.ts';
import { agencyCoverage } from '../catalog/coverage.service.ts';
import { itemView, listCatalogItems } from '../catalog/item.service.ts';
import { listMatters } from '../catalog/matter.service.ts';
import { OUTCOMES } from '../../domain/application/index.ts';
import { bundledCalendar } from '../../domain/calendar/index.ts';
import type { RoleStaff, Staff } from './agencies.ts';
import { scheduleApplications } from './applications.ts';
import { REQUESTS } from './people.ts';
import { seededRandom } from './random.ts';
import { Script } from './steps.ts';
import { DEMO_USERNAME } from './agencies.ts';
import type { DemoSeedResult } from './seed.ts';
import { DEFAULT_DEMO_SEED, demoLoginOf, ensureDemo, seedDemo } from './seed.ts';

describe.each(DIALECTS)('demo seed on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let seeded: DemoSeedResult;
  let demo: Staff;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // a fixed "today": late November, with last year's report published in January
    ({ ctx } = testContext(database, new TestClock(new Date('2026-11-25T02:00:00Z'))));
    seeded = await seedDemo(ctx);
    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', DEMO_USERNAME)
      .executeTakeFirstOrThrow();
    demo = {
      kind: 'staff',
      userId: user.id,
      agencyId: user.agency_id,
      roles: JSON.parse(user.roles),
      name: user.display_name,
    };
  }, 120_000);
  afterAll(() => database.destroy());

  it('seeds a demo login and a year of applications through the services, the event chain intact', async () => {
    console.info(
      `demo seed on ${dialect}: ${seeded.steps} steps, ${seeded.applications} applications, ${seeded.milliseconds} ms`,
    );
    expect(seeded.login).toEqual({ username: 'demo', password: 'gongkai-demo-2026' });
    expect(await demoLoginOf(ctx)).toEqual(seeded.login);
    expect(seeded.applications).toBeGreaterThan(150);
    const outcomes = await database.db
      .selectFrom('applications')
      .select('outcome')
      .distinct()
      .where('agency_id', '=', seeded.agencyId)
      .execute();
    expect(outcomes.map((o) => o.outcome).filter((o) => o !== null).length).toBeGreaterThanOrEqual(20);
    const open = await inbox(ctx, demo, { open: true });
    expect(open.total).toBeGreaterThan(0);
    expect((await inbox(ctx, demo, { due: 'overdue' })).total).toBeGreaterThan(0);
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
    await expect(seedDemo(ctx)).rejects.toMatchObject({ code: 'conflict' });
    expect(await ensureDemo(ctx)).toEqual({ login: seeded.login, seeded: null });
  });

  it('gives every letter of the demo agency a number of its own from the register (issue 12 point 5)', async () => {
    const letters = await database.db
      .selectFrom('letters')
      .select(['number', 'kind'])
      .where('agency_id', '=', seeded.agencyId)
      .execute();
    console.info(
      `demo letters on ${dialect}: ${letters.length} letters, ${new Set(letters.map((l) => l.number)).size} distinct numbers`,
    );
    expect(letters.length).toBeGreaterThan(100);
    expect(new Set(letters.map((l) => l.number)).size).toBe(letters.length);
    const registered = await database.db
      .selectFrom('letter_numbers')
      .select('number')
      .where('agency_id', '=', seeded.agencyId)
      .execute();
    expect(registered.length).toBe(letters.length);
    expect(letters.find((l) => l.kind === 'correction')?.number).toMatch(
      /^某区卫健依申补〔\d{4}〕[1-9]\d*号$/,
    );
    expect(letters.find((l) => l.kind === 'reply')?.number).toMatch(/^某区卫健依申〔\d{4}〕[1-9]\d*号$/);
  });

  it('assigns every application and signs off every reply by people other than its drafter (issue 12 points 1, 3)', async () => {
    const unassigned = await database.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', seeded.agencyId)
      .where('handler_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(unassigned.n)).toBe(0);
    const assigned = await database.db
      .selectFrom('assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', seeded.agencyId)
      .executeTakeFirstOrThrow();
    expect(Number(assigned.n)).toBeGreaterThan(150);
    const rows = await database.db
      .selectFrom('applications')
      .select('facts')
      .where('agency_id', '=', seeded.agencyId)
      .where('outcome', 'is not', null)
      .execute();
    const decisions = rows
      .map((r) => (JSON.parse(r.facts) as { decision: Record<string, unknown> | null }).decision)
      .filter((d): d is Record<string, unknown> => d !== null && d.approvedBy != null);
    expect(decisions.length).toBeGreaterThan(100);
    for (const d of decisions) {
      expect(d.reviewedBy).not.toBe(d.draftedBy);
      expect(d.approvedBy).not.toBe(d.draftedBy);
      expect(d.reviewOpinion).toBeTruthy();
      expect(d.approvalOpinion).toBeTruthy();
    }
  });

  it('gives every demo account an example.org address, and exercises 内部会签 with answers and overdue ones (issue 12 points 2, 4)', async () => {
    const users = await database.db.selectFrom('users').select(['username', 'email', 'department']).execute();
    for (const u of users) expect(u.email).toMatch(/^[a-z0-9.-]+@[a-z]+\.example\.org$/);
    expect(users.find((u) => u.username === DEMO_USERNAME)).toMatchObject({
      email: 'demo@wjj.example.org',
      department: '办公室',
    });
    expect(users.filter((u) => u.department === '法规科').map((u) => u.username)).toEqual(['wjj-legal']);

    const cosigns = await database.db
      .selectFrom('cosigns')
      .innerJoin('applications', 'applications.id', 'cosigns.application_id')
      .select([
        'cosigns.application_id',
        'cosigns.department',
        'cosigns.due_on',
        'cosigns.answered_on',
        'cosigns.on_behalf',
        'cosigns.answered_by',
        'applications.state',
        'applications.reply_due',
      ])
      .where('cosigns.agency_id', '=', seeded.agencyId)
      .execute();
    console.info(
      `demo 会签 on ${dialect}: ${seeded.cosigns} applications, ${cosigns.length} 会签, ${cosigns.filter((c) => c.answered_on).length} answered`,
    );
    expect(seeded.cosigns).toBeGreaterThan(5);
    const answered = cosigns.filter((c) => c.answered_on !== null);
    expect(answered.filter((c) => c.on_behalf === 0).length).toBeGreaterThan(2);
    expect(answered.filter((c) => c.on_behalf === 1).length).toBeGreaterThan(0);
    expect(new Set(cosigns.map((c) => c.department))).toEqual(
      new Set(['法规科', '医政医管科', '财务科', '办公室']),
    );
    // each due date inside the reply period it was opened in (the reply may later be extended, never shortened)
    for (const c of cosigns) if (c.reply_due) expect(c.due_on <= c.reply_due).toBe(true);
    const today = '2026-11-25';
    const overdue = cosigns.filter(
      (c) => c.answered_on === null && c.due_on < today && !CLOSED_STATES.includes(c.state as never),
    );
    expect(overdue.length).toBeGreaterThan(0);
    const events = await database.db
      .selectFrom('events')
      .select('action')
      .where('agency_id', '=', seeded.agencyId)
      .where('action', 'in', ['open_cosign', 'answer_cosign'])
      .execute();
    expect(events.filter((e) => e.action === 'answer_cosign').length).toBe(answered.length);

    // the demo login (办公室) is reminded of 办公室's unanswered 会签; the handler of the overdue ones
    const mine = await myReminders(ctx, demo);
    expect(mine.reminders.filter((r) => r.kind === 'cosign_overdue').length).toBe(overdue.length);
    const handler = await database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'wjj-handler')
      .executeTakeFirstOrThrow();
    const his = await myReminders(ctx, {
      kind: 'staff',
      userId: handler.id,
      agencyId: seeded.agencyId,
      roles: ['handler'],
      name: '李强',
    });
    expect(
      his.reminders
        .filter((r) => r.kind === 'cosign_overdue')
        .map((r) => r.applicationId)
        .sort(),
    ).toEqual(overdue.map((c) => c.application_id).sort());
  });

  it("produces last year's report — published after a round of supervision — validating without table 三/四 errors", async () => {
    const last = await reportWorkspace(ctx, demo, seeded.agencyId, 2025);
    expect(last).toMatchObject({ status: 'published', live: false });
    const identity = last.findings.filter(
      (f) => /^(table3|table4|cross_year)\./.test(f.code) || f.severity === 'error',
    );
    expect(identity).toEqual([]);
    expect(last.previous?.ref).toMatchObject({ kind: 'imported', year: 2024 });
    const requests = last.report.requests as Record<string, Record<string, number>>;
    expect(requests.new_received!.total).toBeGreaterThan(80);
    expect(requests.carried_over!.total).toBeGreaterThan(0);
    const appeals = last.report.appeals as Record<string, Record<string, number>>;
    expect(appeals.reconsideration!.total).toBeGreaterThan(0);
    expect(await findPublishedReport(database.db, seeded.agencyId, 2025)).not.toBeNull();

    const current = await reportWorkspace(ctx, demo, seeded.agencyId, 2026);
    expect(current).toMatchObject({
      status: 'draft',
      live: true,
      previous: { ref: { kind: 'record', year: 2025 } },
    });
    expect(current.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('has the 卫生健康 standard catalog with items filed under it, a 规范性文件 published with its 解读, a gap', async () => {
    const matters = await listMatters(ctx, demo, seeded.agencyId);
    expect(matters.length).toBeGreaterThanOrEqual(19);
    expect(matters.filter((m) => m.itemCount > 0).length).toBeGreaterThan(5);
    const coverage = await agencyCoverage(ctx, demo, seeded.agencyId, 2026);
    expect(coverage.totals.gaps).toBeGreaterThan(0);
    expect(coverage.totals.covered).toBeGreaterThan(0);
    expect(coverage.explained.interpretationsWithDocument).toBeGreaterThan(0);
    expect(coverage.explained.response).toBe(1);
    const docs = await listCatalogItems(ctx, demo, seeded.agencyId, {
      categoryCode: 'gfxwj',
      state: 'published',
    });
    const doc = await itemView(ctx, demo, docs.items[0]!.id);
    expect(doc.interpretationState).toBe('published');
    expect(doc.interpretations[0]!.publishedOn).toBe(doc.publishedOn);
  });
});

describe('demo schedule', () => {
  const plan = (seed: number) => {
    const script = new Script();
    const staff = Object.fromEntries(
      (['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'] as const).map((r) => [
        r,
        { kind: 'staff', userId: 1, agencyId: 1, roles: [r], name: r },
      ]),
    ) as RoleStaff;
    const plans = scheduleApplications(script, seededRandom(seed), bundledCalendar(), staff, 1, {
      from: '2025-01-01',
      to: '2025-12-31',
      rate: 0.45,
      requests: REQUESTS,
      today: '2025-12-31',
    });
    return {
      size: script.size,
      plans: plans.map((p) => [p.receivedOn, JSON.stringify(p.path), p.repliedOn]),
    };
  };

  it('is deterministic for a seed, and covers every outcome of table 三 within the year', () => {
    const a = plan(DEFAULT_DEMO_SEED);
    expect(plan(DEFAULT_DEMO_SEED)).toEqual(a);
    expect(plan(DEFAULT_DEMO_SEED + 1)).not.toEqual(a);
    expect(a.plans.length).toBeGreaterThan(80);
    const paths = new Set(a.plans.map((p) => p[1]));
    for (const o of OUTCOMES.filter(
      (o) => !['other_no_correction', 'other_no_fee', 'other_other'].includes(o),
    ))
      expect(paths).toContain(JSON.stringify({ kind: 'decision', outcome: o }));
    for (const kind of ['abandon_correction', 'abandon_fee', 'withdraw'])
      expect(paths).toContain(JSON.stringify({ kind }));
  });
});
