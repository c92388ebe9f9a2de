import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Walks every API route in the OpenAPI document with every kind of caller — anonymous, applicant A, applicant
 * B, each staff role of agency X, the staff of agency Y — and proves that nobody outside X gets X's records,
 * that staff routes refuse the anonymous, that role-gated routes refuse the other roles, that outsiders change
 * nothing, and that nothing answers 5xx. Routes added later are walked automatically.
 */
const SENTINEL_NAME = '司马甲乙';
const ROLES = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'] as const;

/** Routes that are meant to be public (no session), by method and path pattern. */
const PUBLIC = [
  /^POST \/api\/auth\/(login|logout)$/,
  /^GET \/api\/console\/info$/,
  /^(GET|POST) \/api\/report-tool\//,
  /^GET \/api\/calendar\/deadline$/,
  /^POST \/api\/public\//,
  /^GET \/api\/public\//,
  /^GET \/api\/portal\//,
];

interface Route {
  method: string;
  path: string;
}

describe('access: every route, every caller', () => {
  let t: TestServer;
  let routes: Route[];
  const staffX: Record<string, Session> = {};
  let staffY: Session;
  const ids = { application: 0, letter: 0, agencyX: 0, user: 0 };
  const secrets: string[] = [];
  let applicantA: { trackingCode: string; secret: string };
  let applicantB: { trackingCode: string; secret: string };

  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
    t = await startTestServer('sqlite', { now: clock.now });
    const x = await agencyWithStaff(t.app.ctx, 'X9');
    await agencyWithStaff(t.app.ctx, 'Y9');
    ids.agencyX = x.agency.id;
    ids.user = x.staff.registrar.userId;
    for (const role of ROLES) staffX[role] = await loginAs(t.server, `x9-${role}`);
    staffY = await loginAs(t.server, 'y9-head');
    const created = await staffX.registrar!.request('POST', '/api/applications', {
      ...counterApplication('2026-09-24'),
      applicant: naturalApplicant({ name: SENTINEL_NAME }),
    });
    const body = created.json() as { application: { id: number }; trackingCode: string; secret: string };
    ids.application = body.application.id;
    applicantA = { trackingCode: body.trackingCode, secret: body.secret };
    secrets.push(SENTINEL_NAME, body.trackingCode);
    await staffX.handler!.request('POST', `/api/applications/${ids.application}/actions`, {
      action: { type: 'request_correction', points: ['请写明文号'], periodDays: 10 },
    });
    const timeline = (
      await staffX.handler!.request('GET', `/api/applications/${ids.application}/timeline`)
    ).json() as { letters: { id: number }[] };
    ids.letter = timeline.letters[0]!.id;
    const other = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        agency: 'X9',
        applicant: naturalApplicant({ name: '欧阳乙' }),
        items: [{ description: '某文件' }],
        form: 'electronic',
        delivery: 'online',
      },
    });
    applicantB = other.json() as { trackingCode: string; secret: string };
    const openapi = (await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
  });
  afterAll(() => t.close());

  const url = (path: string) =>
    path
      .replace('{id}', String(ids.application))
      .replace('{letterId}', String(ids.letter))
      .replace('{agencyId}', String(ids.agencyX))
      .replace(/\{[^}]+\}/g, '1') +
    (path.includes('table3') || path.includes('report')
      ? `?year=2026&agencyId=${ids.agencyX}&row=new_received&column=natural`
      : '');

  const call = (session: Session | null, route: Route): Promise<LightMyRequestResponse> =>
    session
      ? session.request(route.method, url(route.path), route.method === 'GET' ? undefined : {})
      : t.server.inject({
          method: route.method as 'GET',
          url: url(route.path),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });

  const leaks = (response: LightMyRequestResponse) =>
    response.statusCode < 300 && secrets.some((s) => response.body.includes(s));

  const eventCount = async () =>
    Number(
      (
        await t.app.database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  it('finds the routes to walk', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((r) => r.path === '/api/applications/{id}')).toBe(true);
  });

  it('anonymous callers reach only the public routes and never X’s records', async () => {
    const before = await eventCount();
    for (const route of routes) {
      const response = await call(null, route);
      const key = `${route.method} ${route.path}`;
      expect(response.statusCode, key).toBeLessThan(500);
      expect(leaks(response), key).toBe(false);
      if (!PUBLIC.some((p) => p.test(key))) expect(response.statusCode, key).toBe(401);
    }
    expect(await eventCount()).toBe(before);
  });

  it('staff of agency Y never reach X’s records and change nothing of X', async () => {
    const before = await t.app.database.db
      .selectFrom('applications')
      .select(['version', 'state'])
      .where('id', '=', ids.application)
      .executeTakeFirst();
    for (const route of routes) {
      const response = await call(staffY, route);
      const key = `${route.method} ${route.path}`;
      expect(response.statusCode, key).toBeLessThan(500);
      expect(leaks(response), key).toBe(false);
    }
    const after = await t.app.database.db
      .selectFrom('applications')
      .select(['version', 'state'])
      .where('id', '=', ids.application)
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('each role of X: reads X’s records; admin-only routes refuse the other roles; no 5xx', async () => {
    for (const role of ROLES) {
      const session = staffX[role]!;
      const view = await session.request('GET', `/api/applications/${ids.application}`);
      expect(view.statusCode, role).toBe(200);
      expect(view.body).toContain(SENTINEL_NAME);
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const response = await call(session, route);
        expect(response.statusCode, `${role} ${route.path}`).toBeLessThan(500);
      }
      const users = await session.request('GET', '/api/admin/users');
      expect(users.statusCode, role).toBe(role === 'admin' ? 200 : 403);
      const schedule = await session.request('POST', '/api/calendar/schedules', { year: 2027, days: [] });
      expect(schedule.statusCode, role).toBe(role === 'admin' ? 400 : 403);
    }
  });

  it('applicants see only their own application, with their own secret', async () => {
    const own = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications/lookup',
      payload: applicantA,
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(SENTINEL_NAME);
    const crossed = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications/lookup',
      payload: { trackingCode: applicantA.trackingCode, secret: applicantB.secret },
    });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.body).not.toContain(SENTINEL_NAME);
    const b = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications/lookup',
      payload: applicantB,
    });
    expect(b.body).not.toContain(SENTINEL_NAME);
  });
});
