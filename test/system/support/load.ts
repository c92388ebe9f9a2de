import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { DialectName } from '../../../src/persistence/database.ts';
import { createItem } from '../../../src/services/catalog/item.service.ts';
import { naturalApplicant } from '../../support/fixtures.ts';
import { seededRandom } from '../../support/report-arbitrary.ts';
import type { ChildServer } from './child-server.ts';
import { startChildServer, stopChildServer } from './child-server.ts';
import type { HttpResult } from './client.ts';
import { clientAddresses, HttpClient, json, percentile, sleep } from './client.ts';
import { childEnv, createSystemEnv } from './environment.ts';
import { populate, publishItem } from './populate.ts';

/**
 * A sustained mixed load on the real server process: portal pages and searches, online submissions and
 * look-ups, and staff at work through the API (inbox, one application, its history, accepting new ones,
 * table 三). Latency is measured per request at the client; the server's resident memory is sampled every
 * second from /proc. Any 5xx, any connection failure and any unexpected 4xx is an error.
 */
export interface LoadOptions {
  dialect: DialectName;
  /** measured seconds (after the warm-up) */
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface LoadResult {
  dialect: DialectName;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: number;
  errorSamples: string[];
  latency: Record<string, { n: number; p50: number; p95: number; p99: number }>;
  /** RSS in MB, one sample a second over the measured period */
  rss: number[];
  peakRssMb: number;
  /** mean RSS of the first and the last window of the measured period (a minute, or a third when shorter) */
  firstWindowMb: number;
  lastWindowMb: number;
  /** the same client hitting /robots.txt for a few seconds before the mix: the cost of the HTTP path alone */
  baselineP99: number;
}

const AGENCY = 'POP1';
const WORDS = ['传染病', '防控', '工作要点', '医疗', '卫生', '健康', '通知', '预算', '名单', '规划'];
const TOPICS = [
  '传染病防控',
  '基层医疗卫生服务',
  '健康城市建设',
  '医疗机构名单',
  '卫生应急预案',
  '财政预算执行',
];

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export async function loadRun(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 20261125);
  const sys = await createSystemEnv(options.dialect, { GONGKAI_TLS: '1' });
  let server: ChildServer | null = null;
  try {
    let published: number[] = [];
    {
      const app = await createApp(loadConfig(childEnv(sys.env)));
      try {
        const made = await populate(app.ctx);
        published = [made.items[0]!];
        for (let i = 0; i < 30; i++) {
          const topic = TOPICS[i % TOPICS.length]!;
          const item = await createItem(app.ctx, made.x.staff.handler, made.x.agency.id, {
            title: `关于做好${topic}工作的通知（第${i + 1}号）`,
            publisher: '某市某区卫生健康局',
            categoryCode: 'jgzn',
            summary: `${topic}的工作安排`,
            body: `各单位：为做好${topic}工作，现将有关事项通知如下。一、提高认识。二、落实责任。三、加强督导。`.repeat(
              3,
            ),
          });
          published.push((await publishItem(app.ctx, item.id, made.x.staff)).id);
        }
      } finally {
        await app.close();
      }
    }
    server = await startChildServer(sys.env);
    await server.ready;
    const client = new HttpClient(server.url, options.concurrency + 2);
    const address = clientAddresses();
    const proxy = () => ({ 'x-forwarded-for': address() });

    const baseline: number[] = [];
    const until = Date.now() + 3000;
    while (Date.now() < until) baseline.push((await client.request('GET', '/robots.txt')).ms);

    const login = await client.request('POST', '/api/auth/login', {
      body: { username: 'pop1-handler', password: 'test-password-1' },
      headers: proxy(),
    });
    const staff = {
      cookie: String([login.headers['set-cookie']].flat()[0]).split(';')[0]!,
      'x-csrf-token': json<{ csrfToken: string }>(login).csrfToken,
    };
    const acknowledged: { trackingCode: string; secret: string }[] = [];
    const toAccept: number[] = [];

    const latency = new Map<string, number[]>();
    const errorSamples: string[] = [];
    let errors = 0;
    let measuring = false;
    let stop = false;
    const note = (kind: string, res: HttpResult, ok: (status: number) => boolean) => {
      if (!ok(res.status)) {
        errors++;
        if (errorSamples.length < 20) errorSamples.push(`${kind} → ${res.status}: ${res.body.slice(0, 200)}`);
      }
      if (measuring) {
        if (!latency.has(kind)) latency.set(kind, []);
        latency.get(kind)!.push(res.ms);
      }
      return res;
    };
    const is2xx = (s: number) => s >= 200 && s < 300;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

    const actions: [number, () => Promise<unknown>][] = [
      [10, async () => note('portal', await client.request('GET', `/?agency=${AGENCY}`), is2xx)],
      [6, async () => note('portal', await client.request('GET', `/catalog/jgzn?agency=${AGENCY}`), is2xx)],
      [
        10,
        async () =>
          note('portal', await client.request('GET', `/items/${pick(published)}?agency=${AGENCY}`), is2xx),
      ],
      [3, async () => note('portal', await client.request('GET', `/guide?agency=${AGENCY}`), is2xx)],
      [
        15,
        async () =>
          note(
            'search',
            await client.request('GET', `/search?agency=${AGENCY}&q=${encodeURIComponent(pick(WORDS))}`),
            is2xx,
          ),
      ],
      [
        12,
        async () => {
          const res = note(
            'submit',
            await client.request('POST', '/api/public/applications', {
              body: {
                agency: AGENCY,
                applicant: naturalApplicant({ name: `负载申请人${Math.floor(random() * 1e6)}` }),
                items: [{ description: `${pick(TOPICS)}的相关文件` }],
                form: 'electronic',
                delivery: 'online',
              },
              headers: proxy(),
            }),
            (s) => s === 201,
          );
          if (res.status === 201) {
            const { trackingCode, secret } = json<{ trackingCode: string; secret: string }>(res);
            acknowledged.push({ trackingCode, secret });
          }
        },
      ],
      [
        6,
        async () => {
          if (acknowledged.length === 0) return;
          note(
            'lookup',
            await client.request('POST', '/api/public/applications/lookup', {
              body: pick(acknowledged),
              headers: proxy(),
            }),
            is2xx,
          );
        },
      ],
      [
        12,
        async () => {
          const res = note(
            'staff',
            await client.request('GET', '/api/applications?open=true&pageSize=20', { headers: staff }),
            is2xx,
          );
          if (res.status === 200)
            for (const row of json<{ rows: { id: number; state: string }[] }>(res).rows)
              if (row.state === 'registered' && !toAccept.includes(row.id)) toAccept.push(row.id);
        },
      ],
      [
        8,
        async () => {
          const id = toAccept[Math.floor(random() * toAccept.length)];
          if (id === undefined) return;
          note('staff', await client.request('GET', `/api/applications/${id}`, { headers: staff }), is2xx);
          note(
            'staff',
            await client.request('GET', `/api/applications/${id}/timeline`, { headers: staff }),
            is2xx,
          );
        },
      ],
      [
        6,
        async () => {
          const id = toAccept.shift();
          if (id === undefined) return;
          // another worker may have accepted it a moment ago: 409 is the right answer then
          note(
            'staff',
            await client.request('POST', `/api/applications/${id}/actions`, {
              body: { action: { type: 'accept' } },
              headers: staff,
            }),
            (s) => is2xx(s) || s === 409,
          );
        },
      ],
      [
        2,
        async () =>
          note('staff', await client.request('GET', '/api/table3?year=2026', { headers: staff }), is2xx),
      ],
    ];
    const total = actions.reduce((s, [w]) => s + w, 0);
    const worker = async () => {
      while (!stop) {
        let r = random() * total;
        const action = actions.find(([w]) => (r -= w) < 0)![1];
        try {
          await action();
        } catch (error) {
          errors++;
          if (errorSamples.length < 20) errorSamples.push(`connection: ${(error as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: options.concurrency }, worker);

    await sleep(options.warmupSeconds * 1000);
    measuring = true;
    const rss: number[] = [];
    const started = Date.now();
    while (Date.now() - started < options.seconds * 1000) {
      await sleep(1000);
      const kb = server.rssKb();
      if (kb !== null) rss.push(kb / 1024);
      if (rss.length % 30 === 0)
        log(
          `  ${options.dialect} ${rss.length}s: RSS ${rss.at(-1)!.toFixed(0)} MB, ${[...latency.values()].reduce((s, v) => s + v.length, 0)} requests, errors ${errors}`,
        );
    }
    measuring = false;
    stop = true;
    await Promise.all(workers);
    client.close();
    const elapsed = (Date.now() - started) / 1000;

    const window = Math.max(1, Math.min(60, Math.floor(rss.length / 3)));
    const all = [...latency.values()].flat();
    const stats = (xs: number[]) => ({
      n: xs.length,
      p50: percentile(xs, 50),
      p95: percentile(xs, 95),
      p99: percentile(xs, 99),
    });
    return {
      dialect: options.dialect,
      seconds: elapsed,
      requests: all.length,
      perSecond: all.length / elapsed,
      errors,
      errorSamples,
      latency: { all: stats(all), ...Object.fromEntries([...latency].map(([k, v]) => [k, stats(v)])) },
      rss,
      peakRssMb: Math.max(...rss),
      firstWindowMb: mean(rss.slice(0, window)),
      lastWindowMb: mean(rss.slice(-window)),
      baselineP99: percentile(baseline, 99),
    };
  } finally {
    if (server) await stopChildServer(server);
    await sys.destroy();
  }
}

export function describeLoad(r: LoadResult): string {
  const lines = [
    `${r.dialect}: ${r.requests} requests in ${r.seconds.toFixed(0)} s (${r.perSecond.toFixed(0)}/s), errors ${r.errors}`,
    ...Object.entries(r.latency).map(
      ([k, s]) =>
        `  ${k.padEnd(7)} n=${s.n} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
    ),
    `  RSS: peak ${r.peakRssMb.toFixed(0)} MB; first window ${r.firstWindowMb.toFixed(0)} MB, last window ${r.lastWindowMb.toFixed(0)} MB`,
    `  baseline (GET /robots.txt alone) p99 ${r.baselineP99.toFixed(1)} ms`,
  ];
  return lines.join('\n');
}

/** No memory growth: the last window's mean RSS within 15% (and at least 40 MB) of the first's. */
export function memoryGrowthOk(r: LoadResult): boolean {
  return r.lastWindowMb <= r.firstWindowMb + Math.max(40, r.firstWindowMb * 0.15);
}
