import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/context.ts';
import { DIALECTS } from '../../../test/support/databases.ts';
import type { Session } from '../../../test/support/http.ts';
import { loginAs } from '../../../test/support/http.ts';
import { consistentReport, withNarrative } from '../../../test/support/report-arbitrary.ts';
import type { TestServer } from '../../../test/support/server.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { encodeReport } from '../../domain/report/index.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import type { Hierarchy } from '../../services/supervision/supervision.fixture.ts';
import { supervisionHierarchy } from '../../services/supervision/supervision.fixture.ts';

const YEAR = 2025;

/** A multipart/form-data body with one file field "file". */
function multipart(fileName: string, bytes: Uint8Array, type: string) {
  const boundary = `----supervision${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const reportJson = (seed: number) => {
  let n = seed;
  return JSON.stringify(
    encodeReport(withNarrative(consistentReport('2021', () => (n = (n * 1103 + 12345) % 9973) % 80, YEAR))),
  );
};

describe.each(DIALECTS)('supervision JSON API on %s', (dialect) => {
  let t: TestServer;
  let h: Hierarchy;
  let city: Session, districtA: Session, districtB: Session, admin: Session, drafter: Session;
  let routes: { method: string; path: string; query: string[]; security: string[] }[];
  /** agencies of district B's subtree: a supervisor of district A must never see them */
  let bIds: number[];
  let bNames: string[];

  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-01-20T02:00:00Z'));
    t = await startTestServer(dialect, { now: clock.now });
    h = await supervisionHierarchy(t.app.ctx, 'H');
    city = await loginAs(t.server, 'h-city-supervisor');
    districtA = await loginAs(t.server, 'h-a-supervisor');
    districtB = await loginAs(t.server, 'h-b-supervisor');
    admin = await loginAs(t.server, 'h-city-admin');
    drafter = await loginAs(t.server, 'h-city-health');
    const b = h.districts[1]!;
    bIds = [b.government.id, ...b.departments.map((d) => d.id)];
    bNames = b.departments.map((d) => d.name);
    // district B's departments send their reports; the city's 政务公开办 enters two of them, district B's a third
    for (const [i, dept] of b.departments.slice(0, 3).entries()) {
      const who = i < 2 ? city : districtB;
      const r = await who.request('PUT', `/api/supervision/reports/${dept.id}/${YEAR}/entry`, {
        json: reportJson(i + 1),
        receivedOn: '2026-01-15',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const a = h.districts[0]!.departments[3]!;
    expect(
      (
        await districtA.request('PUT', `/api/supervision/reports/${a.id}/${YEAR}/entry`, {
          json: reportJson(9),
        })
      ).statusCode,
    ).toBe(200);
    const openapi = (await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: { in: string; name: string }[]; security?: object[] }>
      >;
    };
    routes = Object.entries(openapi.paths)
      .filter(([path]) => path.startsWith('/api/supervision/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]) => ({
          method: m.toUpperCase(),
          path,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          security: (op.security ?? []).flatMap((scheme) => Object.keys(scheme)),
        })),
      );
  });
  afterAll(() => t?.close());

  const inB = () => bIds[1]!;
  /** the route's URL with its path parameters and every query parameter it takes (and only those) */
  const url = (route: { path: string; query: string[] }, agencyId: number, root: number | null) => {
    const values: Record<string, string> = {
      year: String(YEAR),
      path: 'requests.new_received.total',
      to: 'xlsx',
      ...(root !== null ? { root: String(root) } : {}),
    };
    const query = route.query
      .filter((q) => q in values)
      .map((q) => `${q}=${values[q]}`)
      .join('&');
    const path = route.path
      .replace('{agencyId}', String(agencyId))
      .replace('{year}', String(YEAR))
      .replace('{id}', '1');
    return query ? `${path}?${query}` : path;
  };
  const call = (s: Session, method: string, u: string): Promise<LightMyRequestResponse> => {
    if (u.includes('/upload')) {
      const file = multipart('报告.json', new TextEncoder().encode(reportJson(5)), 'application/json');
      return t.server.inject({
        method: 'POST',
        url: u,
        payload: file.payload,
        headers: { ...file.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
    }
    const body =
      method === 'GET' || method === 'DELETE'
        ? undefined
        : u.includes('/entry')
          ? { json: reportJson(5) }
          : u.includes('/tokens')
            ? { name: '省平台' }
            : { year: YEAR };
    return s.request(method, u, body);
  };

  it('finds the routes to walk', () => {
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes).toContainEqual({
      method: 'GET',
      path: '/api/supervision/rollup',
      query: expect.arrayContaining(['year', 'root']),
      security: ['session', 'apiToken'],
    });
  });

  it('a supervisor of a sibling subtree reaches none of its agencies on any route, and changes nothing', async () => {
    const before = await t.app.database.db
      .selectFrom('annual_reports')
      .select(['id', 'version', 'status'])
      .orderBy('id')
      .execute();
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const namesAgency = route.path.includes('{agencyId}') || route.query.includes('root');
      for (const target of [h.districts[1]!.government.id, inB(), h.city.id]) {
        const response = await call(districtA, route.method, url(route, target, target));
        expect(response.statusCode, key).toBeLessThan(500);
        for (const name of bNames) expect(response.body.includes(name), `${key} leaks ${name}`).toBe(false);
        if (namesAgency)
          expect([403, 404], `${key} → ${target}: ${response.statusCode}`).toContain(response.statusCode);
      }
      // and without naming an agency outside: only their own subtree
      const own = await call(districtA, route.method, url(route, h.districts[0]!.departments[4]!.id, null));
      expect(own.statusCode, key).toBeLessThan(500);
      for (const name of bNames) expect(own.body.includes(name), `${key} leaks ${name}`).toBe(false);
      if (route.method === 'GET' && namesAgency && !route.path.includes('export'))
        expect(own.statusCode, `${key} ${own.body.slice(0, 200)}`).toBe(200);
    }
    // their workspace route refuses returning or clearing the sibling's report
    const refused = await districtA.request('POST', `/api/reports/${YEAR}/actions?agencyId=${inB()}`, {
      action: 'clear',
    });
    expect(refused.statusCode).toBe(403);
    const after = await t.app.database.db
      .selectFrom('annual_reports')
      .select(['id', 'version', 'status'])
      .where('agency_id', 'in', bIds)
      .orderBy('id')
      .execute();
    expect(after).toEqual(before.filter((r) => after.some((a) => a.id === r.id)));
    expect(after).toHaveLength(3);
  });

  it('shows each supervisor their own subtree, and the city everything', async () => {
    const a = (await districtA.request('GET', `/api/supervision/collection?year=${YEAR}`)).json() as {
      rows: { agency: { id: number } }[];
    };
    expect(a.rows).toHaveLength(16);
    const b = (await districtB.request('GET', `/api/supervision/collection?year=${YEAR}`)).json() as {
      rows: { agency: { id: number }; status: string }[];
    };
    expect(b.rows.map((r) => r.agency.id).sort()).toEqual([...bIds].sort());
    expect(b.rows.filter((r) => r.status === 'submitted')).toHaveLength(3);
    const all = (await city.request('GET', `/api/supervision/collection?year=${YEAR}`)).json() as {
      rows: unknown[];
    };
    expect(all.rows).toHaveLength(54);
    const rollup = (await districtB.request('GET', `/api/supervision/rollup?year=${YEAR}`)).json() as {
      included: { agencyId: number }[];
      report: { requests: { new_received: { total: number } } };
    };
    expect(rollup.included).toHaveLength(3);
    const cityRollup = (
      await city.request('GET', `/api/supervision/rollup?year=${YEAR}&root=${h.districts[1]!.government.id}`)
    ).json() as typeof rollup;
    expect(cityRollup.report).toEqual(rollup.report);
    expect((await drafter.request('GET', `/api/supervision/collection?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('returns one report with a comment and clears another through the workspace, each an event', async () => {
    const [first, second] = h.districts[1]!.departments;
    const returned = await districtB.request('POST', `/api/reports/${YEAR}/actions?agencyId=${first!.id}`, {
      action: 'return',
      comment: '表三第二行与上年不符',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const cleared = await city.request('POST', `/api/reports/${YEAR}/actions?agencyId=${second!.id}`, {
      action: 'clear',
      comment: '通过',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const rows = (
      (await districtB.request('GET', `/api/supervision/collection?year=${YEAR}`)).json() as {
        rows: {
          agency: { id: number };
          status: string;
          report: { id: number; comment: string | null } | null;
        }[];
      }
    ).rows;
    const row = (id: number) => rows.find((r) => r.agency.id === id)!;
    expect(row(first!.id)).toMatchObject({ status: 'returned', report: { comment: '表三第二行与上年不符' } });
    expect(row(second!.id).status).toBe('cleared');
    const events = await eventsOf(t.app.database.db, 'annual_report', row(first!.id).report!.id);
    expect(events.map((e) => e.action)).toEqual(['collect', 'return']);
    // the returned report is out of the rollup, with the reason
    const rollup = (await districtB.request('GET', `/api/supervision/rollup?year=${YEAR}`)).json() as {
      excluded: { agencyId: number; reason: string }[];
    };
    expect(rollup.excluded.find((e) => e.agencyId === first!.id)).toMatchObject({ reason: 'not_arrived' });
  });

  it('uploads a document for an agency not on Gongkai, and exports the rollup', async () => {
    const dept = h.districts[1]!.departments[5]!;
    const file = multipart('报告.json', new TextEncoder().encode(reportJson(7)), 'application/json');
    const uploaded = await t.server.inject({
      method: 'POST',
      url: `/api/supervision/reports/${dept.id}/${YEAR}/upload`,
      payload: file.payload,
      headers: { ...file.headers, cookie: districtB.cookie, 'x-csrf-token': districtB.csrf },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ source: 'upload', record: { status: 'submitted' } });
    const xlsx = await districtB.request('GET', `/api/supervision/rollup/export?year=${YEAR}&to=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(
      encodeURIComponent('某市B区人民政府2025年政府信息公开工作年度报告汇总表.xlsx'),
    );
    const csv = await districtB.request('GET', `/api/supervision/performance/export?year=${YEAR}&to=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
  });

  it('lets a provincial platform pull figures with a read-only API token, every use audited', async () => {
    expect((await districtA.request('POST', '/api/supervision/tokens', { name: '省平台' })).statusCode).toBe(
      403,
    );
    const created = await admin.request('POST', '/api/supervision/tokens', { name: '省政务公开平台' });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json() as { token: string; record: { id: number; hint: string } };
    expect(token).toMatch(/^gks_/);
    const stored = await t.app.database.db
      .selectFrom('supervision_tokens')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const listed = (await admin.request('GET', '/api/supervision/tokens')).body;
    expect(listed).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const pulled = await t.server.inject({
      method: 'GET',
      url: `/api/supervision/collection?year=${YEAR}`,
      headers: bearer,
    });
    expect(pulled.statusCode).toBe(200);
    expect(pulled.json()).toMatchObject({ via: 'token', root: { id: h.city.id } });
    for (const path of ['findings', 'rollup', 'performance'])
      expect(
        (
          await t.server.inject({
            method: 'GET',
            url: `/api/supervision/${path}?year=${YEAR}`,
            headers: bearer,
          })
        ).statusCode,
        path,
      ).toBe(200);
    // read-only: no write route takes a token
    const write = await t.server.inject({
      method: 'PUT',
      url: `/api/supervision/reports/${h.districts[2]!.departments[0]!.id}/${YEAR}/entry`,
      headers: bearer,
      payload: { json: reportJson(1) },
    });
    expect(write.statusCode).toBe(401);
    const draft = await t.server.inject({
      method: 'POST',
      url: '/api/supervision/rollup/draft',
      headers: bearer,
      payload: { year: YEAR },
    });
    expect(draft.statusCode).toBe(401);
    const uses = await eventsOf(t.app.database.db, 'supervision_token', record.id);
    expect(uses.map((e) => e.action)).toEqual(['create', 'read', 'read', 'read', 'read']);
    expect(uses[1]).toMatchObject({
      actor: `token:${record.id}`,
      data: { request: `GET /api/supervision/collection?year=${YEAR}` },
    });
    // OpenAPI lists the token scheme on exactly the routes that take a token
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const response = await t.server.inject({
        method: 'GET',
        url: url(route, h.city.id, null),
        headers: bearer,
      });
      const key = `${route.method} ${route.path}`;
      expect(response.statusCode !== 401, `${key}: ${response.statusCode}`).toBe(
        route.security.includes('apiToken'),
      );
    }
    expect((await admin.request('DELETE', `/api/supervision/tokens/${record.id}`)).statusCode).toBe(204);
    const revoked = await t.server.inject({ method: 'GET', url: '/api/supervision/rollup', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    const wrong = await t.server.inject({
      method: 'GET',
      url: '/api/supervision/rollup',
      headers: { authorization: 'Bearer gks_nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await t.server.inject({ method: 'GET', url: '/api/supervision/rollup' })).statusCode).toBe(401);
  });
});
