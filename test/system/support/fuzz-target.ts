import type { FastifyInstance, RouteOptions } from 'fastify';
import { createApp } from '../../../src/app.ts';
import type { App } from '../../../src/app.ts';
import { ROLES } from '../../../src/domain/access/roles.ts';
import { buildServer } from '../../../src/http/server.ts';
import type { DialectName } from '../../../src/persistence/database.ts';
import { createUser } from '../../../src/services/staff.service.ts';
import type { TestDatabase } from '../../support/databases.ts';
import { createTestDatabase } from '../../support/databases.ts';
import { testConfig } from '../../support/server.ts';
import type { CaseResult, FuzzCase, FuzzRoute } from './fuzz.ts';
import { casesFor, routesFrom, runCase, uploadCases } from './fuzz.ts';
import { populate } from './populate.ts';
import { tablesOf, writeMark } from './snapshot.ts';

/**
 * The server under fuzzing: the real `buildServer` on a populated test database, its routes collected as they
 * are added (`onRoute`), and a staff member holding every role in the populated agency.
 */
export interface FuzzTarget {
  app: App;
  server: FastifyInstance;
  database: TestDatabase;
  routes: FuzzRoute[];
  close(): Promise<void>;
}

export const FUZZ_USER = 'fuzz-all-roles';
const PASSWORD = 'fuzz-password-1';

export async function fuzzTarget(dialect: DialectName): Promise<FuzzTarget> {
  const database = await createTestDatabase(dialect);
  const app = await createApp(testConfig(), { database, migrated: true });
  const seen: RouteOptions[] = [];
  const server = await buildServer(app, { onRoute: (route) => void seen.push(route) });
  await server.ready();
  const made = await populate(app.ctx);
  await createUser(app.ctx, 'system', {
    agencyId: made.x.agency.id,
    username: FUZZ_USER,
    displayName: '模糊测试',
    roles: [...ROLES],
    password: PASSWORD,
  });
  return {
    app,
    server,
    database,
    routes: routesFrom(seen),
    async close() {
      await server.close();
      await database.destroy();
    },
  };
}

let address = 0;
/** A new client address per request: per-IP rate limits must not hide what a route does with the input. */
export const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

async function staffLogin(server: FastifyInstance): Promise<Record<string, string>> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: FUZZ_USER, password: PASSWORD },
    remoteAddress: nextAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`fuzz login failed: ${res.statusCode} ${res.body}`);
  const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
  return { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

export interface FuzzStats {
  routes: number;
  cases: number;
  serverErrors: number;
  problems: string[];
  byStatus: Record<string, number>;
  relogins: number;
}

/**
 * Tables whose purpose is to count refused requests (rate limits, failed logins, anonymous renders) and the
 * processes' own bookkeeping: a failed request may write there, and must — a lockout counts failures. The
 * portal's page store is a cache rendered in the background after an earlier, accepted change: its rows can
 * land while a later request is refused.
 */
const COUNTERS = new Set([
  'rate_limits',
  'login_failures',
  'request_counts',
  'change_counters',
  'job_leases',
  'portal_pages',
  'portal_generations',
]);

/** Every case of every route, as an anonymous caller and as the all-roles staff member. */
export async function fuzzAll(
  target: FuzzTarget,
  options: { thorough?: boolean; only?: (c: FuzzCase) => boolean } = {},
): Promise<FuzzStats> {
  const { server, database } = target;
  const tables = (await tablesOf(database))
    .filter((t) => !t.derived && !COUNTERS.has(t.name))
    .map((t) => t.name);
  const mark = () => writeMark(database, tables);
  const stats: FuzzStats = {
    routes: target.routes.length,
    cases: 0,
    serverErrors: 0,
    problems: [],
    byStatus: {},
    relogins: 0,
  };
  let staff = await staffLogin(server);
  const record = (c: FuzzCase, r: CaseResult) => {
    stats.cases++;
    if (r.status >= 500 || r.status === 0) stats.serverErrors++;
    stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
    stats.problems.push(...r.problems);
  };
  for (const route of target.routes) {
    const cases = casesFor(route, options);
    if (['POST', 'PUT', 'PATCH'].includes(route.method)) {
      // every upload case for a route that takes files; a route that does not is asked once
      const probe = uploadCases(route, false);
      const accepts = await server.inject({
        ...probe[0]!.request,
        headers: { ...staff, ...probe[0]!.request.headers },
        remoteAddress: nextAddress(),
      } as never);
      const multipart = accepts.statusCode !== 415;
      cases.push(...(multipart || options.thorough ? uploadCases(route, multipart) : probe.slice(0, 1)));
    }
    // a staff-only route answers an anonymous caller 401 before reading anything: the short run asks it a
    // sample of the cases anonymously, the thorough run all of them
    const plausible = cases[0]!;
    const guarded =
      (await server.inject({ ...plausible.request, remoteAddress: nextAddress() } as never)).statusCode ===
      401;
    for (const [i, c] of cases.filter(options.only ?? (() => true)).entries()) {
      if (options.thorough || !guarded || i % 8 === 0)
        record(c, await runCase(server, c, {}, mark, nextAddress(), false));
      let result = await runCase(server, c, staff, mark, nextAddress(), true);
      if (
        result.status === 401 &&
        (
          await server.inject({
            method: 'GET',
            url: '/api/auth/me',
            headers: staff,
            remoteAddress: nextAddress(),
          })
        ).statusCode === 401
      ) {
        // an earlier case ended the session (logout, a disabled account): log in again and repeat this one
        staff = await staffLogin(server);
        stats.relogins++;
        result = await runCase(server, c, staff, mark, nextAddress(), true);
      }
      record(c, result);
    }
  }
  return stats;
}
