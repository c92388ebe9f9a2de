import type { DialectName } from '../../../src/persistence/database.ts';
import { seededRandom } from '../../support/report-arbitrary.ts';
import { naturalApplicant } from '../../support/fixtures.ts';
import type { ChildServer } from './child-server.ts';
import { startChildServer, stopChildServer } from './child-server.ts';
import { clientAddresses, HttpClient, json, sleep } from './client.ts';
import { childEnv, createSystemEnv, seedAgency } from './environment.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Acknowledged } from './records.ts';
import { checkRecords } from './records.ts';

/**
 * The crash-durability run: online submissions over loopback against the real server process, SIGKILLed at
 * random moments (mostly under load, sometimes while it is still starting), restarted, killed again; then a
 * last start, a lookup of every acknowledged submission through the public API, a clean stop and a check of
 * the stored records (`checkRecords`).
 */
export interface CrashOptions {
  dialect: DialectName;
  cycles: number;
  /** concurrent submitting clients */
  concurrency: number;
  /** how long the load runs before the kill, in ms (uniformly drawn) */
  loadMs: [number, number];
  seed: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  dialect: DialectName;
  seed: number;
  cycles: number;
  /** submissions sent */
  attempted: number;
  /** 201 with a tracking code received by the client */
  acknowledged: number;
  /** acknowledged and found complete in the database */
  found: number;
  /** acknowledged and shown to the applicant by the public lookup after the last restart */
  lookedUp: number;
  /** applications in the database (≥ acknowledged: some committed just before a kill were never answered) */
  stored: number;
  events: number;
  /** responses ≥ 500, and connection failures while the server had not been killed */
  serverErrors: number;
  integrity: string;
  problems: string[];
}

const AGENCY = 'CRASH';

export async function crashRun(options: CrashOptions): Promise<CrashResult> {
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => undefined);
  // GONGKAI_TLS=1: the clients act as the reverse proxy (X-Forwarded-For), so per-client rate limits apply
  // to many distinct applicants as in production, not to one loopback address
  const sys = await createSystemEnv(options.dialect, { GONGKAI_TLS: '1' });
  try {
    await seedAgency(sys, AGENCY);
    const acknowledged: Acknowledged[] = [];
    const problems: string[] = [];
    let attempted = 0;
    let serverErrors = 0;
    const nextAddress = clientAddresses();

    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const before = acknowledged.length;
      const server = await startChildServer(sys.env);
      let killed = false;
      let stopped = false;
      const workers: Promise<void>[] = [];
      const client = new HttpClient(server.url, options.concurrency);
      const submitter = async (worker: number) => {
        for (let n = 0; !stopped; n++) {
          const name = `压测${cycle}-${worker}-${n}`;
          const items = [`第${cycle}轮第${worker}号客户端第${n}件：某区2025年财政预算执行情况`];
          attempted++;
          try {
            const res = await client.request('POST', '/api/public/applications', {
              body: {
                agency: AGENCY,
                applicant: naturalApplicant({ name }),
                items: items.map((description) => ({ description })),
                form: 'electronic',
                delivery: 'online',
              },
              headers: { 'x-forwarded-for': nextAddress() },
            });
            if (res.status === 201) {
              const { trackingCode, secret } = json<{ trackingCode: string; secret: string }>(res);
              acknowledged.push({ trackingCode, secret, applicantName: name, items });
            } else {
              if (res.status >= 500) serverErrors++;
              problems.push(`第${cycle}轮：提交得到 ${res.status}：${res.body.slice(0, 200)}`);
            }
          } catch (error) {
            if (!killed) {
              serverErrors++;
              problems.push(`第${cycle}轮：服务未被终止时连接失败：${(error as Error).message}`);
            }
            return;
          }
        }
      };
      const startLoad = () => {
        if (killed) return;
        for (let w = 0; w < options.concurrency; w++) workers.push(submitter(w));
      };
      // one cycle in four is killed at a random moment from spawn on, possibly while it is still starting
      const duringStartup = cycle % 4 === 2;
      if (duringStartup) {
        server.ready.then(startLoad, () => undefined);
        await sleep(200 + random() * 3500);
      } else {
        await server.ready;
        startLoad();
        await sleep(options.loadMs[0] + random() * (options.loadMs[1] - options.loadMs[0]));
      }
      killed = true;
      server.kill('SIGKILL');
      await server.exited;
      stopped = true;
      await Promise.all(workers);
      client.close();
      log(
        `  ${options.dialect} 第${cycle}轮：${duringStartup ? '启动中' : '负载中'}被 SIGKILL，本轮确认 ${acknowledged.length - before} 件（累计 ${acknowledged.length}）`,
      );
    }

    // the last start must come up on whatever the kills left behind, and show every acknowledged application
    const server = await startChildServer(sys.env);
    let lookedUp = 0;
    try {
      await server.ready;
      lookedUp = await lookUpAll(server, acknowledged, problems, nextAddress);
    } finally {
      await stopChildServer(server);
    }
    const database = sys.open();
    try {
      const report = await checkRecords(database, acknowledged, loadConfig(childEnv(sys.env)).secretKey);
      return {
        dialect: options.dialect,
        seed: options.seed,
        cycles: options.cycles,
        attempted,
        acknowledged: acknowledged.length,
        found: report.found,
        lookedUp,
        stored: report.applications,
        events: report.events,
        serverErrors,
        integrity: report.integrity,
        problems: [...problems, ...report.problems],
      };
    } finally {
      await database.close();
    }
  } finally {
    await sys.destroy();
  }
}

async function lookUpAll(
  server: ChildServer,
  acknowledged: readonly Acknowledged[],
  problems: string[],
  nextAddress: () => string,
): Promise<number> {
  const client = new HttpClient(server.url, 8);
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < acknowledged.length) {
      const ack = acknowledged[next++]!;
      const res = await client.request('POST', '/api/public/applications/lookup', {
        body: { trackingCode: ack.trackingCode, secret: ack.secret },
        headers: { 'x-forwarded-for': nextAddress() },
      });
      if (res.status !== 200) {
        problems.push(`查询已确认的申请 ${ack.trackingCode} 得到 ${res.status}`);
        continue;
      }
      const seen = json<{ applicantName: string; items: { description: string }[]; state: string }>(res);
      if (
        seen.applicantName !== ack.applicantName ||
        JSON.stringify(seen.items.map((i) => i.description)) !== JSON.stringify(ack.items) ||
        seen.state !== 'registered'
      )
        problems.push(`查询已确认的申请 ${ack.trackingCode}：内容不符`);
      else ok++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  client.close();
  return ok;
}

export function describeCrash(r: CrashResult): string {
  return (
    `${r.dialect}: ${r.cycles} 次 SIGKILL，提交 ${r.attempted}，确认 ${r.acknowledged}，找到 ${r.found}，` +
    `可查询 ${r.lookedUp}，库中 ${r.stored}（未确认但已提交 ${r.stored - r.acknowledged}），事件 ${r.events}，` +
    `5xx/异常 ${r.serverErrors}，完整性 ${r.integrity}，种子 ${r.seed}`
  );
}
