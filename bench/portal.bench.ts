import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import {
  DEFAULT_CATEGORIES,
  isLeaf,
  PUBLIC_STATES,
  queryTokens,
  searchTokens,
  tokenText,
} from '../src/domain/catalog/index.ts';
import { buildServer } from '../src/http/server.ts';
import { portalPageStore } from '../src/http/pages/portal/page-store.ts';
import { portalAgency } from '../src/services/catalog/portal.service.ts';
import { openDatabase, SQLITE_MMAP_BYTES } from '../src/persistence/database.ts';
import { migrateToLatest } from '../src/persistence/migrate.ts';
import { searchFacetsSql } from '../src/persistence/migrations/0021-catalog-search.ts';
import { searchIdSql, searchKeySql } from '../src/persistence/migrations/0026-catalog-search-order.ts';
import { RANK_WINDOW, searchMatch } from '../src/persistence/repositories/catalog-search.repository.ts';
import { createFieldCipher } from '../src/security/field-cipher.ts';
import { createAgency } from '../src/services/staff.service.ts';
import { seededRandom } from '../test/support/report-arbitrary.ts';
import { testDocumentWorkers } from '../test/support/context.ts';
import { ratio, row } from './measure.ts';

/**
 * The public portal with BENCH_ITEMS (default 1,000,000) published items on SQLite:
 * 1. item pages (random ids: the page cache cannot help; and one page over and over, as nginx serves its file)
 *    and catalog pages (a random leaf category, pages 1–20:
 *    the pages people browse, which the cache serves; and the same with a cache-busting parameter) — requests
 *    per second over loopback with autocannon, against nginx serving the same HTML as a static file;
 * 2. search latency p50/p95 over HTTP for queries drawn from the corpus vocabulary, against the bare FTS5 query
 *    (the words and filters matched in `catalog_search`, its first ranking window, 20 ids) on the same file, and
 *    against the same query served over plain node:http by the server's process (what any page over HTTP costs
 *    at least); one kept-alive node:http connection, one request at a time; each side runs the queries untimed
 *    before it is timed (the pages WARM_UPS times, the bare query once).
 * The server runs in a child process (one core), autocannon in this one, nginx with one worker.
 * BENCH_ONLY=search runs part 2 alone (no item pages rendered into the store, no load tests). BENCH_DB=PATH
 * builds the database at PATH when it is missing and reuses it when it is there (delete it when BENCH_ITEMS
 * changes): runs after the first skip the bulk insert. A reused database's page store is emptied first, so that
 * every run starts from the store a database just built has.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const SEARCHES = 300;
/**
 * Untimed passes of the searches before the timed one (BENCH_SEARCH_WARMUPS, default 5): the pages' queries come
 * from the database's warm caches, and the server's code is compiled as a server running for days has it (one
 * pass of 300 left much of the page's code to the interpreter: its p50 was 1.6× that after the load tests).
 */
const WARM_UPS = Array.from(
  { length: Number(process.env.BENCH_SEARCH_WARMUPS ?? 5) },
  (_, i) => `warm-up${i}-`,
);
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const SERVE_ENV = 'GONGKAI_PORTAL_BENCH_SERVE';
/**
 * Item pages rendered into the store before the load tests (BENCH_PAGES, default all up to 100,000): every
 * PAGE_STEP-th item, spread over all the ids, and the random item requests drawn from those. Rendering is
 * paid once per change in production; a million of them (≈ 11 GB with their gzip and brotli forms) take
 * longer than a benchmark run can spend, and which 100,000 of the million rows the store holds changes
 * nothing of how one is read (its primary key is one level deeper).
 */
const ONLY_SEARCH = process.env.BENCH_ONLY === 'search';
const PAGES = ONLY_SEARCH ? 0 : Math.min(ITEMS, Number(process.env.BENCH_PAGES ?? 100_000));
const PAGE_STEP = Math.max(1, Math.floor(ITEMS / Math.max(1, PAGES)));

// ── the corpus ─────────────────────────────────────────────────────────────────────────────
const SUBJECTS = [
  '医疗机构',
  '药品采购',
  '公共卫生',
  '疾病预防控制',
  '妇幼保健',
  '中医药',
  '卫生监督',
  '职业健康',
  '医疗保障',
  '健康教育',
  '爱国卫生',
  '基层卫生',
  '老龄健康',
  '食品安全',
  '传染病防治',
  '医疗废物',
  '院前急救',
  '家庭医生',
  '护理服务',
  '血液管理',
];
const ACTIONS = ['印发', '加强', '做好', '开展', '规范', '公布', '调整', '推进', '落实', '组织'];
const KINDS = ['通知', '办法', '实施方案', '工作要点', '通告', '公示', '意见', '规定', '报告', '名单'];
const PHRASES = [
  '为进一步规范管理，保障人民群众身体健康，根据有关法律法规，结合本市实际，现就有关事项通知如下。',
  '各区卫生健康局要高度重视，加强组织领导，明确责任分工，确保各项工作落到实处。',
  '严格执行国家和省有关规定，加强日常监督检查，发现问题及时整改。',
  '进一步完善工作机制，推进信息公开，主动接受社会监督。',
  '加强宣传引导，及时回应社会关切，营造良好氛围。',
  '本通知自印发之日起施行，有效期五年。',
  '请于每季度末将工作进展情况报送我委相关处室。',
  '加大财政投入，优化资源配置，提升服务能力和水平。',
];

/**
 * The token text of an item as the app computes it (tokenText), memoised by part: the corpus repeats its
 * titles, sentences and 文号, and segmenting is most of the generation time. A line break always ends a word,
 * so a body's tokens are its lines' tokens (checked against tokenText for the first items).
 */
function memoTokens() {
  const memo = new Map<string, string>();
  const part = (text: string) => {
    let t = memo.get(text);
    if (t === undefined) memo.set(text, (t = searchTokens(text).join(' ')));
    return t;
  };
  return (title: string, docNumber: string | null, indexNumber: string, summary: string, body: string) =>
    [
      part(title),
      docNumber ? part(docNumber) : null,
      // BENCH/2019-0000001: the prefix repeats, the serial number is one token of digits
      `${part(indexNumber.slice(0, 10))} ${indexNumber.slice(11)}`,
      part(summary),
      body
        .split('\n')
        .map(part)
        .filter((t) => t)
        .join(' '),
    ]
      .filter((t) => t !== null)
      .join(' ');
}

function corpus(random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const leaves = DEFAULT_CATEGORIES.filter((c) => isLeaf(DEFAULT_CATEGORIES, c.code)).map((c) => c.code);
  const tokens = memoTokens();
  return (i: number) => {
    const subject = pick(SUBJECTS);
    const title = `关于${pick(ACTIONS)}${subject}${pick(SUBJECTS)}工作的${pick(KINDS)}`;
    const body = `各有关单位：\n${subject}工作事关群众切身利益。${pick(PHRASES)}\n一、${pick(PHRASES)}\n二、${pick(PHRASES)}\n三、${pick(PHRASES)}`;
    const year = 2019 + Math.floor(random() * 8);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const docNumber = random() < 0.6 ? `某卫发〔${year}〕${1 + (i % 300)}号` : null;
    const summary = `${subject}相关工作安排。`;
    const indexNumber = `BENCH/${year}-${String(i + 1).padStart(7, '0')}`;
    const r = random();
    const text = tokens(title, docNumber, indexNumber, summary, body);
    if (i < 200 && text !== tokenText(title, docNumber, indexNumber, summary, body))
      throw new Error(`memoised tokens differ from tokenText for item ${i}`);
    return {
      title,
      body,
      summary,
      docNumber,
      indexNumber,
      date,
      category: pick(leaves),
      state: r < 0.9 ? 'published' : r < 0.95 ? 'expired' : 'repealed',
      tokens: text,
    };
  };
}

/**
 * The database as a bulk import leaves it: the items inserted in large transactions with the secondary indexes
 * and the search index's trigger set aside, then the indexes built once (sorted, far faster than a million
 * random inserts) and the triggers put back exactly as the migrations wrote them.
 */
export async function buildDatabase(path: string): Promise<{ agencyId: number; seconds: number }> {
  const database = openDatabase({ databaseUrl: null, sqlitePath: path });
  await migrateToLatest(database);
  const ctx = {
    database,
    cipher: createFieldCipher(randomBytes(32)),
    auditKey: randomBytes(32),
    now: () => new Date(),
    dataDir: tmpdir(),
    documents: testDocumentWorkers(),
  };
  const agency = await createAgency(ctx, 'system', {
    code: 'BENCH',
    name: '某市卫生健康委员会',
    kind: 'department',
  });
  const sqlite = database.sqlite!;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const setAside = sqlite
    .prepare(
      `select type, name, sql from sqlite_master where tbl_name = 'catalog_items' and sql is not null
         and (type = 'index' or (type = 'trigger' and name = 'catalog_search_insert'))`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const o of setAside) sqlite.exec(`drop ${o.type} ${o.name}`);
  const insert = sqlite.prepare(
    `insert into catalog_items (agency_id, index_number, title, publisher, doc_number, written_on, changed_on, effective_on, published_on,
       category_code, topic, method, scope, summary, body, state, state_reason, publication_due_on, due_provisional, search_tokens,
       created_by, created_at, updated_at)
     values (?, ?, ?, '某市卫生健康委员会', ?, ?, null, null, ?, ?, null, 'proactive', 'full', ?, ?, ?, null, null, 0, ?, null, ?, ?)`,
  );
  const next = corpus(seededRandom(2026));
  const start = process.hrtime.bigint();
  const CHUNK = 50_000;
  let generating = 0n;
  for (let from = 0; from < ITEMS; from += CHUNK) {
    const g0 = process.hrtime.bigint();
    const chunk = Array.from({ length: Math.min(ITEMS, from + CHUNK) - from }, (_, k) => next(from + k));
    generating += process.hrtime.bigint() - g0;
    sqlite.transaction(() => {
      for (const it of chunk) {
        const at = `${it.date}T02:00:00.000Z`;
        insert.run(
          agency.id,
          it.indexNumber,
          it.title,
          it.docNumber,
          it.date,
          it.date,
          it.category,
          it.summary,
          it.body,
          it.state,
          it.tokens,
          at,
          at,
        );
      }
    })();
    process.stdout.write(
      `\r  inserting items: ${Math.min(ITEMS, from + CHUNK).toLocaleString('en')} / ${ITEMS.toLocaleString('en')}`,
    );
  }
  const inserted = process.hrtime.bigint();
  // the search index (0021, keyed as 0026) filled in one statement, as its migration fills it; then the indexes and the trigger
  sqlite.exec(
    `insert into catalog_search (rowid, tokens, facets) select ${searchKeySql('i')}, i.search_tokens, ${searchFacetsSql('i')} from catalog_items i order by 1`,
  );
  const indexed = process.hrtime.bigint();
  for (const o of setAside) sqlite.exec(o.sql);
  sqlite.pragma('optimize');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(
    `\n  (of which generating the text and segmenting it: ${(Number(generating) / 1e9).toFixed(1)} s; inserting: ${(Number(inserted - start - generating) / 1e9).toFixed(1)} s; full-text index: ${(Number(indexed - inserted) / 1e9).toFixed(1)} s; other indexes: ${(Number(process.hrtime.bigint() - indexed) / 1e9).toFixed(1)} s)\n`,
  );
  await database.close();
  return { agencyId: agency.id, seconds };
}

// ── the server, in a child process ───────────────────────────────────────────────────────────
/** Child-process entry: serve the portal on the given database until killed. */
export async function serve(sqlitePath: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-portal-bench-data-'));
  process.on('SIGTERM', () => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SQLITE_PATH: sqlitePath,
    GONGKAI_SECRET_KEY: randomBytes(32).toString('base64'),
    GONGKAI_DEMO: '0',
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config);
  const server = await buildServer(app);
  // the items were inserted in bulk, as an import would: render their pages into the store, as publishing does
  const agency = await portalAgency(app.ctx, null);
  const t0 = performance.now();
  const pages =
    agency && PAGES > 0
      ? await portalPageStore(app).renderAll(agency.id, undefined, (id) => id % PAGE_STEP === 0)
      : 0;
  console.log(`RENDERED ${pages} ${((performance.now() - t0) / 1000).toFixed(1)}`);
  // the bare query over plain node:http, in this process on its own connection: the floor of a search page
  const raw = new BetterSqlite3(sqlitePath, { readonly: true });
  raw.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`); // read as the app's connection reads
  const bare = createHttpServer((request, response) => {
    const q = new URL(request.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    const body = JSON.stringify(bareQuery(raw, agency?.id ?? 0, q));
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
  await new Promise<void>((ok) => bare.listen(0, '127.0.0.1', ok));
  console.log(`BARE http://127.0.0.1:${(bare.address() as { port: number }).port}`);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  console.log(`LISTENING ${url}`);
}

function startServer(sqlitePath: string): Promise<{
  url: string;
  bareUrl: string;
  child: ChildProcess;
  rendered: { pages: number; seconds: number } | null;
}> {
  // BENCH_CPU_PROF=DIR writes a CPU profile of the server (open it in Chrome DevTools) when it exits
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, resolve('bin/run-ts.js'), resolve('bench/portal.bench.ts')],
    {
      env: { ...process.env, [SERVE_ENV]: sqlitePath },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\S+)/.exec(out);
      const r = /RENDERED (\d+) ([\d.]+)/.exec(out);
      const b = /BARE (\S+)/.exec(out);
      if (m && b)
        ok({
          url: m[1]!,
          bareUrl: b[1]!,
          child,
          rendered: r ? { pages: Number(r[1]), seconds: Number(r[2]) } : null,
        });
    });
    child.on('exit', (code) => fail(new Error(`portal server exited (${code})`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function startNginx(
  dir: string,
  files: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const root = join(dir, 'www');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  // nginx started by root serves as an unprivileged worker user: the files must be world-readable
  chmodSync(dir, 0o755);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(root, name), body, { mode: 0o644 });
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/item.html`)).ok) return { url, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(
    `nginx did not start: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : 'no error log'}`,
  );
}

/** autocannon ships no type declarations: the part of its API used here. */
interface LoadResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }[];
}) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function load(url: string, path: () => string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-portal-bench-'));
  const dbPath = process.env.BENCH_DB ? resolve(process.env.BENCH_DB) : join(dir, 'portal.db');
  let server: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  try {
    console.log(
      `portal with ${ITEMS.toLocaleString('en')} items (SQLite; BENCH_ITEMS to change), ${DURATION}s per load test, ${CONNECTIONS} connections`,
    );
    const built = existsSync(dbPath)
      ? builtBefore(dbPath)
      : { ...(await buildDatabase(dbPath)), items: ITEMS };
    if (built.seconds > 0)
      row(
        'bulk insert (segmenting + FTS5 index)',
        `${built.seconds.toFixed(1)} s`,
        `${Math.round(ITEMS / built.seconds).toLocaleString('en')} items/s`,
      );
    else console.log(`  reusing ${dbPath} (BENCH_DB): ${built.items.toLocaleString('en')} items`);

    // the machine is shared: say how busy it was, since req/s depends on it (the ratios less so)
    console.log(
      `  load average before the load tests: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    const started = await startServer(dbPath);
    server = started.child;
    if (started.rendered && PAGES > 0)
      row(
        PAGES === ITEMS
          ? 'rendering every page into the store (gzip + brotli)'
          : `rendering ${PAGES.toLocaleString('en')} item pages + the catalog's`,
        `${started.rendered.seconds.toFixed(1)} s`,
        `${Math.round(started.rendered.pages / started.rendered.seconds).toLocaleString('en')} pages/s`,
      );
    if (!ONLY_SEARCH) await loadTests(started.url, dir, seededRandom(7), (child) => (nginx = child));
    // its own sequence: the same queries whatever the load tests drew
    await searchLatency(started.url, started.bareUrl, dbPath, built.agencyId, seededRandom(8));
  } finally {
    server?.kill();
    nginx?.kill('SIGQUIT');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A database of an earlier run (BENCH_DB): its agency and its number of items. Its page store is emptied, as a
 * database just built has it: the earlier run stored the catalog pages it asked for, and this run's "not stored
 * yet" requests (the same sequence) would otherwise be answered from the store.
 */
function builtBefore(path: string): { agencyId: number; seconds: number; items: number } {
  const raw = new BetterSqlite3(path);
  try {
    raw.exec('delete from portal_pages');
    const { agencyId, items } = raw
      .prepare(`select min(agency_id) as agencyId, count(*) as items from catalog_items`)
      .get() as { agencyId: number; items: number };
    return { agencyId, seconds: 0, items };
  } finally {
    raw.close();
  }
}

/** Part 1: item and catalog pages under load, against nginx serving the same HTML. */
async function loadTests(
  url: string,
  dir: string,
  random: () => number,
  nginxStarted: (child: ChildProcess) => void,
): Promise<void> {
  const started = { url };
  {
    const leaves = DEFAULT_CATEGORIES.filter((c) => isLeaf(DEFAULT_CATEGORIES, c.code)).map((c) => c.code);
    const itemPath = () => `/items/${PAGE_STEP * (1 + Math.floor(random() * Math.floor(ITEMS / PAGE_STEP)))}`;
    // the addresses the portal links (page 1 is the category's own address)
    const catalogPath = () => {
      const page = 1 + Math.floor(random() * 20);
      return `/catalog/${leaves[Math.floor(random() * leaves.length)]}${page === 1 ? '' : `?page=${page}`}`;
    };
    const coldCatalogPath = () => {
      const path = catalogPath();
      return `${path}${path.includes('?') ? '&' : '?'}nocache=${Math.floor(random() * 1e9)}`;
    };
    // pages not stored yet: pages 21 and on of every category, each asked once (rendered, stored, answered)
    const lastPage = Math.min(10_000, Math.floor(ITEMS / leaves.length / 20));
    let unstored = 0;
    const unstoredPath = () => {
      const n = unstored++;
      return `/catalog/${leaves[n % leaves.length]}?page=${21 + (Math.floor(n / leaves.length) % Math.max(1, lastPage - 20))}`;
    };

    const middle = PAGE_STEP * Math.max(1, Math.floor(ITEMS / PAGE_STEP / 2));
    const itemHtml = await (await fetch(`${started.url}/items/${middle}`)).text();
    const catalogHtml = await (await fetch(`${started.url}/catalog/gzdt?page=2`)).text();
    const started2 = await startNginx(dir, { 'item.html': itemHtml, 'catalog.html': catalogHtml });
    nginxStarted(started2.child);

    await load(started.url, itemPath); // warm-up: page cache, SQLite page cache, JIT
    const item = await load(started.url, itemPath);
    const itemSame = await load(started.url, () => `/items/${middle}`);
    const itemNginx = await load(started2.url, () => '/item.html');
    await load(started.url, catalogPath); // warm-up: pages 2–20 are stored on their first request
    const catalog = await load(started.url, catalogPath);
    const catalogCold = await load(started.url, coldCatalogPath);
    const catalogUnstored = lastPage > 21 ? await load(started.url, unstoredPath) : null;
    const catalogNginx = await load(started2.url, () => '/catalog.html');
    console.log('');
    row('', 'req/s', 'p99 ms', 'errors', 'vs nginx');
    row(
      'nginx: item page as a static file',
      Math.round(itemNginx.rps),
      itemNginx.p99,
      itemNginx.errors,
      '1.00×',
    );
    row(
      'item page (random of all items)',
      Math.round(item.rps),
      item.p99,
      item.errors,
      ratio(item.rps, itemNginx.rps),
    );
    row(
      'item page, the same one (as nginx serves it)',
      Math.round(itemSame.rps),
      itemSame.p99,
      itemSame.errors,
      ratio(itemSame.rps, itemNginx.rps),
    );
    row(
      'nginx: catalog page as a static file',
      Math.round(catalogNginx.rps),
      catalogNginx.p99,
      catalogNginx.errors,
      '1.00×',
    );
    row(
      'catalog page (random category, pages 1–20)',
      Math.round(catalog.rps),
      catalog.p99,
      catalog.errors,
      ratio(catalog.rps, catalogNginx.rps),
    );
    row(
      'catalog page, ?nocache=random (a parameter the page does not read: served from the store)',
      Math.round(catalogCold.rps),
      catalogCold.p99,
      catalogCold.errors,
      ratio(catalogCold.rps, catalogNginx.rps),
    );
    if (catalogUnstored)
      row(
        `catalog page not stored yet, rendered on request: the cache bypassed (${unstored.toLocaleString('en')} of pages 21–${lastPage}; target 0.3×)`,
        Math.round(catalogUnstored.rps),
        catalogUnstored.p99,
        catalogUnstored.errors,
        ratio(catalogUnstored.rps, catalogNginx.rps),
      );
  }
}

/**
 * The bare query: the index's own (0021, 0026: newest first) — the words and the public-items filter matched in
 * the index, the newest RANK_WINDOW matches ordered by their titles' words, the first 20 — without the app around
 * it. Its ids.
 */
function bareQuery(raw: BetterSqlite3.Database, agencyId: number, q: string): number[] {
  const tokens = queryTokens(q);
  const statement = raw.prepare(
    `select id from (select i.id as id, catalog_search.rowid as k, ${tokens.map(() => '(instr(i.title, ?) > 0)').join(' + ')} as score
       from catalog_search join catalog_items i on i.id = ${searchIdSql('catalog_search.rowid')}
       where catalog_search match ? order by catalog_search.rowid limit ${RANK_WINDOW})
     order by score desc, k limit 20`,
  );
  const match = searchMatch({
    agencyId,
    tokens,
    states: PUBLIC_STATES,
    sort: 'relevance',
    limit: 20,
    offset: 0,
  });
  return (statement.all(...tokens, match) as { id: number }[]).map((r) => r.id);
}

/** GET `url` on `agent`'s connection, the body read to its end; fails on anything but 200. */
function get(agent: Agent, url: string): Promise<void> {
  return new Promise((ok, fail) => {
    request(url, { agent }, (res) => {
      if (res.statusCode !== 200) fail(new Error(`${url}: ${res.statusCode}`));
      res.on('data', () => {});
      res.on('end', ok);
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}

/** Part 2: search over HTTP against the bare FTS5 query on the same file. */
async function searchLatency(
  url: string,
  bareUrl: string,
  dbPath: string,
  agencyId: number,
  random: () => number,
) {
  const started = { url };
  const built = { agencyId };
  {
    const words = [...SUBJECTS, ...ACTIONS.slice(0, 4), '监督检查', '信息公开', '有效期', '财政投入'];
    const queries = Array.from({ length: SEARCHES }, () => {
      const a = words[Math.floor(random() * words.length)]!;
      return random() < 0.5 ? a : `${a} ${words[Math.floor(random() * words.length)]!}`;
    });
    // each side runs the queries untimed first, so that both are measured on warm caches (the database file may
    // have left the OS cache since it was built; the first side to run would read it from disk for the other)
    // one kept-alive connection through node:http: what a page costs the server and the wire, without fetch's
    // own per-request work (WHATWG streams, ≈ 0.4 ms here) counted against the page
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http: number[] = [];
    // 'again': the timed pass's addresses once more, answered from the page cache (no query, no render): what
    // HTTP, Fastify and the page's bytes cost alone
    const again: number[] = [];
    for (const pass of [...WARM_UPS, 'timed', 'again'])
      for (const [i, q] of queries.entries()) {
        const t0 = performance.now();
        await get(
          agent,
          `${started.url}/search?q=${encodeURIComponent(q)}&page=${1 + (i % 3)}&n=${pass === 'again' ? 'timed' : pass}${i}`,
        );
        if (pass === 'timed' || pass === 'again')
          if (i >= 20) (pass === 'timed' ? http : again).push(performance.now() - t0);
      }
    // the bare query served over plain node:http by the server's process (no framework, no page: its 20 ids)
    const overHttp: number[] = [];
    for (const pass of [...WARM_UPS, 'timed'])
      for (const [i, q] of queries.entries()) {
        const t0 = performance.now();
        await get(agent, `${bareUrl}/?q=${encodeURIComponent(q)}`);
        if (pass === 'timed' && i >= 20) overHttp.push(performance.now() - t0);
      }
    agent.destroy();
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    raw.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`); // read as the app's connection reads
    const floor: number[] = [];
    for (const [i, q] of [...queries, ...queries].entries()) {
      const t0 = performance.now();
      bareQuery(raw, built.agencyId, q);
      if (i >= queries.length + 20) floor.push(performance.now() - t0);
    }
    raw.close();
    for (const samples of [http, again, overHttp, floor]) samples.sort((a, b) => a - b);
    console.log('');
    row('', 'p50 ms', 'p95 ms', 'ratio p50', 'ratio p95');
    for (const [label, samples] of [
      ['bare FTS5 query (MATCH + filters, window, 20)', floor],
      ['the bare query over plain node:http, its 20 ids as JSON', overHttp],
      ['search page over HTTP (count, filters, page)', http],
      ['the same pages again, from the page cache (HTTP alone)', again],
    ] as const)
      row(
        label,
        percentile(samples, 50).toFixed(2),
        percentile(samples, 95).toFixed(2),
        ratio(percentile(samples, 50), percentile(floor, 50)),
        ratio(percentile(samples, 95), percentile(floor, 95)),
      );
    console.log(
      `  search page against the bare query over plain HTTP: ${ratio(percentile(http, 50), percentile(overHttp, 50))} at p50, ${ratio(percentile(http, 95), percentile(overHttp, 95))} at p95`,
    );
  }
}

if (process.env[SERVE_ENV]) await serve(process.env[SERVE_ENV]);
