import { AppError } from '../../domain/errors.ts';
import { agencyCount, findAgency } from '../../persistence/repositories/agency.repository.ts';
import { findUserByUsername } from '../../persistence/repositories/user.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import { DEMO_USERNAME, seedAgencies } from './agencies.ts';
import { scheduleAppeals } from './appeals.ts';
import { scheduleApplications } from './applications.ts';
import { scheduleCatalog } from './catalog.ts';
import { scheduleCosigns } from './cosigns.ts';
import { REQUESTS } from './people.ts';
import { seededRandom } from './random.ts';
import { scheduleReports } from './reports.ts';
import { Script } from './steps.ts';

/**
 * The demo agency with about two years of work, generated through the real services so every record, event,
 * deadline and letter is what the system itself would have produced: 某市某区卫生健康局 under 某市某区人民政府 under
 * 某市人民政府, three sibling bureaus, users for every role, applications since November of the year before last
 * (so some carry over the year end), 行政复议 / 行政诉讼 cases, the catalog, last year's report published after a
 * round of supervision and this year's in draft. Deterministic: the same seed and day give the same data.
 */
export interface DemoLogin {
  username: string;
  password: string;
}

export interface DemoSeedResult {
  login: DemoLogin;
  agencyId: number;
  applications: number;
  appeals: number;
  /** applications with 内部会签 */
  cosigns: number;
  steps: number;
  milliseconds: number;
}

export const DEFAULT_DEMO_SEED = 20_190_515;
const SIBLING_REQUESTS = [
  '本局部门预算和决算',
  '某项目招标采购文件',
  '本局行政处罚决定书',
  '本局内设机构职责',
  '本局年度工作总结',
];

export async function seedDemo(
  ctx: ServiceContext,
  options: { seed?: number } = {},
): Promise<DemoSeedResult> {
  const started = Date.now();
  if ((await agencyCount(ctx.database.db)) > 0)
    throw new AppError('conflict', '数据库中已有机关和数据，演示数据只能在空数据库中生成');
  const today = todayInChina(ctx);
  const year = Number(today.slice(0, 4));
  const years = { first: year - 2, last: year };
  const random = seededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const setUp: ServiceContext = { ...ctx, now: () => new Date(`${years.first}-11-01T01:00:00.000Z`) };
  const agencies = await seedAgencies(setUp);
  const calendar = await workingCalendar(ctx);

  const script = new Script();
  const plans = scheduleApplications(script, random, calendar, agencies.staff, agencies.health.id, {
    from: `${years.first}-11-01`,
    to: today,
    rate: 0.45,
    requests: REQUESTS,
    today,
  });
  for (const sibling of agencies.siblings)
    scheduleApplications(script, random, calendar, sibling.staff, sibling.agency.id, {
      from: `${years.first + 1}-01-01`,
      to: today,
      rate: 0.05,
      requests: SIBLING_REQUESTS,
      today,
    });
  const cosigns = scheduleCosigns(script, calendar, agencies.staff, agencies.members, plans);
  const appeals = scheduleAppeals(script, random, calendar, agencies.staff, plans, years);
  scheduleCatalog(script, random, calendar, agencies.staff, agencies.health, years, today);
  scheduleReports(script, calendar, {
    health: agencies.health,
    staff: agencies.staff,
    supervisor: agencies.districtSupervisor,
    siblings: agencies.siblings,
    years,
    today,
  });
  const steps = await withFastCommits(ctx, () => script.play(ctx, today, ctx.now));
  return {
    login: demoLoginFrom(agencies.health.settings)!,
    agencyId: agencies.health.id,
    applications: plans.filter((p) => p.id !== null).length,
    appeals,
    cosigns,
    steps,
    milliseconds: Date.now() - started,
  };
}

/**
 * SQLite commits with synchronous=FULL (every commit reaches the disk before it is acknowledged). Seeding makes
 * a couple of thousand small commits that nobody is waiting on, so it relaxes to NORMAL (in WAL mode: durable at
 * the next checkpoint, still crash-consistent) for its duration and restores the setting afterwards.
 */
async function withFastCommits<T>(ctx: ServiceContext, body: () => Promise<T>): Promise<T> {
  const sqlite = ctx.database.sqlite;
  if (!sqlite) return body();
  const before = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = NORMAL');
  try {
    return await body();
  } finally {
    sqlite.pragma(`synchronous = ${before}`);
    sqlite.pragma('wal_checkpoint(FULL)');
  }
}

function demoLoginFrom(settings: Record<string, unknown>): DemoLogin | null {
  const login = settings.demoLogin as Partial<DemoLogin> | undefined;
  return typeof login?.username === 'string' && typeof login.password === 'string'
    ? { username: login.username, password: login.password }
    : null;
}

/** The demo login of a database seeded earlier (shown on the login page after a restart), if any. */
export async function demoLoginOf(ctx: ServiceContext): Promise<DemoLogin | null> {
  const user = await findUserByUsername(ctx.database.db, DEMO_USERNAME);
  if (!user || user.disabled) return null;
  const agency = await findAgency(ctx.database.db, user.agencyId);
  const login = agency ? demoLoginFrom(agency.settings) : null;
  return login?.username === user.username ? login : null;
}

/**
 * The startup hook (`npm start` with GONGKAI_DEMO on): seeds an empty database, or finds the demo login of one
 * seeded before. Never touches a database that holds other data.
 */
export async function ensureDemo(
  ctx: ServiceContext,
): Promise<{ login: DemoLogin | null; seeded: DemoSeedResult | null }> {
  if ((await agencyCount(ctx.database.db)) === 0) {
    const seeded = await seedDemo(ctx);
    return { login: seeded.login, seeded };
  }
  return { login: await demoLoginOf(ctx), seeded: null };
}

/**
 * `npm start` with GONGKAI_DEMO on (src/server.ts): seeds an empty database or finds the earlier demo login, and
 * says so on the console. A failure to seed is reported and the server starts anyway (without a demo login).
 */
export async function demoAtStartup(
  ctx: ServiceContext,
  log: { log: (line: string) => void; error: (...args: unknown[]) => void },
): Promise<DemoLogin | null> {
  try {
    const { login, seeded } = await ensureDemo(ctx);
    if (seeded)
      log.log(
        `已生成演示数据（${(seeded.milliseconds / 1000).toFixed(1)} 秒）：演示账号 ${seeded.login.username}，密码 ${seeded.login.password}`,
      );
    return login;
  } catch (error) {
    log.error('生成演示数据失败：', error);
    return null;
  }
}
