import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';

/** Configuration, read once at boot from the environment and validated with every problem listed. */
export interface Config {
  /** HTTP port (PORT, default 3000) */
  port: number;
  /** HTTP host (HOST, default 127.0.0.1: this machine only; 0.0.0.0 serves the network) */
  host: string;
  /** PostgreSQL connection string (DATABASE_URL); null → the embedded SQLite database */
  databaseUrl: string | null;
  /** PostgreSQL schema to use instead of the connection's default search_path (DATABASE_SCHEMA) */
  databaseSchema: string | null;
  /** the folder for the SQLite file, attachments and the generated key (DATA_DIR, default ./data) */
  dataDir: string;
  /** the SQLite database file (SQLITE_PATH, default DATA_DIR/gongkai.db) */
  sqlitePath: string;
  /** 32-byte key for encrypting personal data at rest (GONGKAI_SECRET_KEY, base64 or hex) */
  secretKey: Buffer;
  /**
   * seed a demo agency with generated data on first start and show its login (GONGKAI_DEMO): by default on only
   * when bound to this machine (HOST a loopback address, no TLS); on any other bind only with GONGKAI_DEMO=1
   */
  demo: boolean;
  /** the server is reached over TLS (GONGKAI_TLS=1): secure cookies and HSTS */
  tls: boolean;
  /**
   * with TLS, the reverse proxies whose X-Forwarded-For is read (TRUSTED_PROXIES: addresses or CIDR ranges,
   * comma-separated; default the loopback addresses, a proxy on the same host)
   */
  trustedProxies: string[];
  /** the public site's address, for feeds and links (PUBLIC_URL, default http://localhost:PORT) */
  publicUrl: string;
  /** log level for the server (LOG_LEVEL, default info; "silent" in tests) */
  logLevel: string;
  /** the document workers that parse uploads and render DOCX/PDF (src/workers) */
  documents: DocumentConfig;
  /** on SIGTERM, how long requests in flight may take before the process exits anyway (SHUTDOWN_SECONDS, 25) */
  shutdownSeconds: number;
  /** how often each process tries the scheduled jobs that are due (JOB_TICK_SECONDS, default 5) */
  jobTickSeconds: number;
  /** the SMTP server reminders and 催报 are sent through (SMTP_HOST …); null: mail stays in the outbox */
  smtp: SmtpConfig | null;
  /** the hour (China time, 0–23) from which the daily reminders are sent (REMINDER_HOUR, default 8) */
  reminderHour: number;
  /**
   * take part in the scheduled jobs (daily reminders, the outbox, housekeeping, deadline recomputation) in this
   * process (GONGKAI_JOBS, default on); each job runs in one of the processes that do
   */
  jobs: boolean;
}

/** The document workers' size and limits (DOCUMENT_*). */
export interface DocumentConfig {
  /** worker threads (DOCUMENT_WORKERS, default: the cores less one, 1–4) */
  threads: number;
  /** jobs that may wait for a thread before 429 (DOCUMENT_QUEUE, default 8) */
  queue: number;
  /** a job's time limit (DOCUMENT_TIMEOUT_MS, default 20000) */
  timeoutMs: number;
  /**
   * the time limit of a render of our own data — a letter, a report from the validated model, their PDF
   * (DOCUMENT_RENDER_TIMEOUT_MS, default 120000): LibreOffice on a loaded machine can take longer than a
   * parse of an uploaded document is allowed, and what it renders is not untrusted input
   */
  renderTimeoutMs: number;
  /** a worker thread's heap limit in MB (DOCUMENT_MEMORY_MB, default 256) */
  memoryMb: number;
  /** MB a document's compressed parts may inflate to (DOCUMENT_MAX_MB, default 64) */
  maxMb: number;
  /** pages a PDF may have (DOCUMENT_MAX_PAGES, default 500) */
  maxPages: number;
  /** scanned pages (images, no text layer) a PDF may have to be read by OCR (DOCUMENT_OCR_MAX_PAGES, default 30) */
  ocrMaxPages: number;
  /** the time limit of a job reading a PDF with images, which may be a scan read by OCR (DOCUMENT_OCR_TIMEOUT_MS, default 600000) */
  ocrTimeoutMs: number;
  /** anonymous DOCX/PDF renders per client per minute, counted in the database (RENDER_PER_MINUTE, default 10) */
  rendersPerMinute: number;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (SMTP_SECURE, default: port 465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** the sender, e.g. "某区政务公开办 <gkb@example.gov.cn>" (SMTP_FROM) */
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误：\n- ${problems.join('\n- ')}`);
  }
}

/** The document workers' defaults: one thread per core but one (1–4), limits a real report never reaches. */
export function defaultDocumentConfig(): DocumentConfig {
  return {
    threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    queue: 8,
    timeoutMs: 20_000,
    renderTimeoutMs: 120_000,
    memoryMb: 256,
    maxMb: 64,
    maxPages: 500,
    ocrMaxPages: 30,
    ocrTimeoutMs: 600_000,
    rendersPerMinute: 10,
  };
}

/** An address or a CIDR range: 127.0.0.1, ::1, 10.0.0.0/8, fd00::/8. Null when it is neither. */
export function parseProxyEntry(
  entry: string,
): { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return null;
  if (prefixText === undefined) return { address, prefix: null, family: family === 4 ? 'ipv4' : 'ipv6' };
  const prefix = Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return null;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** A bind address reachable only from this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

function decodeKey(text: string): Buffer | null {
  const t = text.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return buf.length === 32 ? buf : null;
}

/** The embedded default: a key generated on first start and kept beside the database (mode 0600). */
function keyFile(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = decodeKey(readFileSync(file, 'utf8'));
    if (key) return key;
    throw new ConfigError([`${file} 中的密钥无效（应为 32 字节的 base64 或十六进制）`]);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT 必须是 0–65535 的整数，现为“${env.PORT}”`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头');
  const databaseSchema = env.DATABASE_SCHEMA?.trim() || null;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema))
    problems.push(
      `DATABASE_SCHEMA 只能由小写字母、数字和下划线组成（不以数字开头），现为“${databaseSchema}”`,
    );
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  let secretKey: Buffer | null = null;
  if (env.GONGKAI_SECRET_KEY) {
    secretKey = decodeKey(env.GONGKAI_SECRET_KEY);
    if (!secretKey) problems.push('GONGKAI_SECRET_KEY 必须是 32 字节密钥的 base64 或 64 位十六进制');
  }
  const flag = (name: string, fallback: boolean) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    problems.push(`${name} 只能是 1/0、true/false、yes/no、on/off，现为“${v}”`);
    return fallback;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const v = env[name]?.trim();
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} 必须是 ${min}–${max} 的整数，现为“${v}”`);
      return fallback;
    }
    return n;
  };
  const d = defaultDocumentConfig();
  const documents: DocumentConfig = {
    threads: integer('DOCUMENT_WORKERS', d.threads, 1, 64),
    queue: integer('DOCUMENT_QUEUE', d.queue, 0, 10_000),
    timeoutMs: integer('DOCUMENT_TIMEOUT_MS', d.timeoutMs, 100, 600_000),
    renderTimeoutMs: integer('DOCUMENT_RENDER_TIMEOUT_MS', d.renderTimeoutMs, 100, 600_000),
    memoryMb: integer('DOCUMENT_MEMORY_MB', d.memoryMb, 32, 16_384),
    maxMb: integer('DOCUMENT_MAX_MB', d.maxMb, 1, 4096),
    maxPages: integer('DOCUMENT_MAX_PAGES', d.maxPages, 1, 100_000),
    ocrMaxPages: integer('DOCUMENT_OCR_MAX_PAGES', d.ocrMaxPages, 0, 1000),
    ocrTimeoutMs: integer('DOCUMENT_OCR_TIMEOUT_MS', d.ocrTimeoutMs, 1000, 3_600_000),
    rendersPerMinute: integer('RENDER_PER_MINUTE', d.rendersPerMinute, 1, 100_000),
  };
  const shutdownSeconds = Number(env.SHUTDOWN_SECONDS ?? 25);
  if (!Number.isFinite(shutdownSeconds) || shutdownSeconds <= 0 || shutdownSeconds > 3600)
    problems.push(`SHUTDOWN_SECONDS 必须是 1–3600 之间的秒数，现为“${env.SHUTDOWN_SECONDS}”`);
  const jobTickSeconds = Number(env.JOB_TICK_SECONDS ?? 5);
  if (!Number.isFinite(jobTickSeconds) || jobTickSeconds < 0.1 || jobTickSeconds > 3600)
    problems.push(`JOB_TICK_SECONDS 必须是 0.1–3600 之间的秒数，现为“${env.JOB_TICK_SECONDS}”`);
  const tls = flag('GONGKAI_TLS', false);
  const host = env.HOST?.trim() || '127.0.0.1';
  const demo = flag('GONGKAI_DEMO', isLoopbackHost(host) && !tls);
  const trustedProxies = (env.TRUSTED_PROXIES ?? '127.0.0.1,::1')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of trustedProxies)
    if (!parseProxyEntry(p))
      problems.push(`TRUSTED_PROXIES 中的“${p}”不是 IP 地址或网段（如 127.0.0.1、10.0.0.0/8、::1）`);
  const jobs = flag('GONGKAI_JOBS', true);
  let smtp: SmtpConfig | null = null;
  const smtpHost = env.SMTP_HOST?.trim();
  if (smtpHost) {
    const smtpPort = Number(env.SMTP_PORT ?? 587);
    if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65535)
      problems.push(`SMTP_PORT 必须是 1–65535 的整数，现为“${env.SMTP_PORT}”`);
    const from = env.SMTP_FROM?.trim() ?? '';
    if (!from) problems.push('设置了 SMTP_HOST 时须同时设置发件人 SMTP_FROM（如 gkb@example.gov.cn）');
    if (!!env.SMTP_USER !== !!env.SMTP_PASSWORD)
      problems.push('SMTP_USER 和 SMTP_PASSWORD 须同时设置（或都不设置）');
    smtp = {
      host: smtpHost,
      port: smtpPort,
      secure: flag('SMTP_SECURE', smtpPort === 465),
      user: env.SMTP_USER || null,
      password: env.SMTP_PASSWORD || null,
      from,
    };
  }
  const reminderHour = Number(env.REMINDER_HOUR ?? 8);
  if (!Number.isInteger(reminderHour) || reminderHour < 0 || reminderHour > 23)
    problems.push(`REMINDER_HOUR 必须是 0–23 的整数（北京时间），现为“${env.REMINDER_HOUR}”`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    databaseUrl,
    databaseSchema,
    dataDir,
    sqlitePath: resolve(env.SQLITE_PATH ?? join(dataDir, 'gongkai.db')),
    secretKey: secretKey ?? keyFile(dataDir),
    demo,
    tls,
    trustedProxies,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    documents,
    shutdownSeconds,
    jobTickSeconds,
    smtp,
    reminderHour,
    jobs,
  };
}
