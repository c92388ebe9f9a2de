import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';

/**
 * Hostile input for every route the server has: cases are generated from each route's method, URL and JSON
 * schemas (so a route added later is fuzzed without touching this file), plus schema-less attacks every route
 * gets (malformed and hostile bodies, content types, uploads, path traversal). `runCase` sends one and checks
 * what must hold whatever the input: no 5xx, a Chinese error, the field named when the schema names one, no
 * markup echoed unescaped, no file leaked, and nothing written when the request failed.
 */
export interface FuzzRoute {
  method: string;
  url: string;
  schema: {
    body?: JsonSchema;
    querystring?: JsonSchema;
    params?: JsonSchema;
  };
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  format?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface FuzzCase {
  route: string;
  name: string;
  request: InjectOptions & { url: string; method: string };
  /** the request breaks the route's schema at this field: a 400 naming it is expected */
  expectField?: string;
}

export function routesFrom(seen: readonly RouteOptions[]): FuzzRoute[] {
  const out: FuzzRoute[] = [];
  for (const r of seen)
    for (const method of [r.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      out.push({ method, url: r.url, schema: (r.schema ?? {}) as FuzzRoute['schema'] });
    }
  const unique = new Map(out.map((r) => [`${r.method} ${r.url}`, r]));
  return [...unique.values()].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}

// ——— hostile values ———

export const XSS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</title></textarea><script>window.__xss=1</script>',
];
export const SQLI = [
  "1' OR '1'='1",
  "'; DROP TABLE applications; --",
  '1; DELETE FROM events',
  "' UNION SELECT password_hash FROM users --",
  '%27%20OR%201%3D1',
];
const STRANGE = [
  'a\u0000b',
  '\ud800',
  '\u202eRTL\u202c',
  '😀'.repeat(50),
  '\uFEFF',
  ' ',
  '',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
];
export const HOSTILE_STRINGS = [...XSS, ...SQLI, ...STRANGE, 'x'.repeat(100_000)];
const HOSTILE_PARAMS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999999',
  'NaN',
  'null',
  'abc',
  '%00',
  '%C3%28',
  '%FF%FE',
  '%E0%A4%A',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  encodeURIComponent("1' OR '1'='1"),
  encodeURIComponent('<script>window.__xss=1</script>'),
  'x'.repeat(5000),
];
const MALFORMED_JSON: string[] = [
  '{',
  '{"a":}',
  '[1,2',
  '{"a":1}garbage',
  "{'a':1}",
  '\uFEFF{}',
  'null',
  '"text"',
  '123',
  'true',
  '[]',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":1,"a":2}',
  '{"a":' + '9'.repeat(500) + '}',
];

/** Valid-looking values: a `:param` filled so the request reaches the handler. */
const PLAUSIBLE_PARAM: Record<string, string> = {
  year: '2026',
  n: '1',
  code: 'jgzn',
  key: 'x',
};

function fillPath(url: string, override?: { name: string; value: string }): string {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
      override?.name === name ? override.value : (PLAUSIBLE_PARAM[name] ?? '1'),
    )
    .replace(/\*$/, override?.name === '*' ? override.value : 'x');
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!).concat(url.endsWith('*') ? ['*'] : []);
}

// ——— schema-guided values ———

const firstType = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;

/** A minimal value the schema accepts: required properties only. */
export function sample(s: JsonSchema | undefined): unknown {
  if (!s) return {};
  if (s.enum) return s.enum.find((v) => v !== null);
  switch (firstType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k]);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-11-02';
      if (s.format === 'email') return 'a@example.com';
      return '测'.repeat(Math.max(s.minLength ?? 1, 1));
    default:
      return {};
  }
}

/** Every declared property path of a schema (into objects and the first array item), with its schema. */
function paths(s: JsonSchema, prefix: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const out: { path: string[]; schema: JsonSchema }[] = [];
  if (firstType(s) === 'object' && s.properties)
    for (const [k, child] of Object.entries(s.properties)) {
      out.push({ path: [...prefix, k], schema: child });
      out.push(...paths(child, [...prefix, k]));
    }
  if (firstType(s) === 'array' && s.items) out.push(...paths(s.items, [...prefix, '0']));
  return out;
}

/** A value of a type the schema refuses and ajv cannot coerce into it. */
function wrongType(s: JsonSchema): unknown {
  if (s.enum) return '不存在的取值';
  switch (firstType(s)) {
    case 'string':
      return { an: 'object' };
    case 'integer':
    case 'number':
      return 'abc';
    case 'boolean':
      return 'maybe';
    case 'object':
      return 'text';
    case 'array':
      return { an: 'object' };
    default:
      return undefined;
  }
}

/** A copy of `root` with `value` at `path`; intermediate objects and array items are sampled from the schema. */
function setPath(root: unknown, schema: JsonSchema, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  let s: JsonSchema | undefined = schema;
  for (const [i, key] of path.entries()) {
    const child: JsonSchema | undefined = /^\d+$/.test(key) ? s?.items : s?.properties?.[key];
    if (i === path.length - 1) {
      if (remove) delete node[key];
      else node[key] = value;
      break;
    }
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object')
      node[key] = sample(child);
    if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0)
      (node[key] as unknown[]).push(sample(child?.items));
    node = node[key] as Record<string, unknown>;
    s = child;
  }
  return copy;
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// ——— cases ———

function json(method: string, url: string, payload: string | Buffer, type = 'application/json') {
  return { method, url, payload, headers: { 'content-type': type } };
}

function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = `----gongkaifuzz${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Bytes of a Windows executable (MZ header, PE signature), to be uploaded under a document's name. */
export const EXE_BYTES = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58, 0x90),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64, 0),
  Buffer.from('PE\0\0'),
  Buffer.alloc(512, 0xcc),
]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function uploadCases(route: FuzzRoute, big: boolean): FuzzCase[] {
  const id = `${route.method} ${route.url}`;
  const url = fillPath(route.url);
  const cases: FuzzCase[] = [
    {
      route: id,
      name: 'upload: .exe renamed .docx',
      request: {
        method: route.method,
        url,
        ...multipart([{ name: 'file', filename: '通知.docx', type: DOCX_TYPE, data: EXE_BYTES }]),
      },
    },
    {
      route: id,
      name: 'upload: traversal file name',
      request: {
        method: route.method,
        url,
        ...multipart([
          { name: 'file', filename: '../../../../tmp/gongkai-evil.txt', type: 'text/plain', data: '正文' },
        ]),
      },
    },
    {
      route: id,
      name: 'upload: windows traversal and control characters in the name',
      request: {
        method: route.method,
        url,
        ...multipart([
          { name: 'file', filename: '..\\..\\evil\u0000.txt"<script>', type: 'text/plain', data: '正文' },
        ]),
      },
    },
    {
      route: id,
      name: 'upload: empty file',
      request: {
        method: route.method,
        url,
        ...multipart([{ name: 'file', filename: 'a.txt', type: 'text/plain', data: '' }]),
      },
    },
    {
      route: id,
      name: 'upload: eleven files',
      request: {
        method: route.method,
        url,
        ...multipart(
          Array.from({ length: 11 }, (_, i) => ({
            name: 'file',
            filename: `${i}.txt`,
            type: 'text/plain',
            data: 'x',
          })),
        ),
      },
    },
    {
      route: id,
      name: 'upload: fifty-one fields',
      request: {
        method: route.method,
        url,
        ...multipart(Array.from({ length: 51 }, (_, i) => ({ name: `f${i}`, data: 'x' }))),
      },
    },
    {
      route: id,
      name: 'upload: multipart without a boundary',
      request: {
        method: route.method,
        url,
        payload: 'abc',
        headers: { 'content-type': 'multipart/form-data' },
      },
    },
    {
      route: id,
      name: 'upload: truncated multipart',
      request: {
        method: route.method,
        url,
        payload: '------x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
        headers: { 'content-type': 'multipart/form-data; boundary=----x' },
      },
    },
  ];
  if (big)
    cases.push({
      route: id,
      name: 'upload: 21 MB file (over the 20 MB limit)',
      request: {
        method: route.method,
        url,
        ...multipart([
          {
            name: 'file',
            filename: 'big.txt',
            type: 'text/plain',
            data: Buffer.alloc(21 * 1024 * 1024, 0x41),
          },
        ]),
      },
    });
  return cases;
}

/** The short run (`npm test`) tries one value of each kind; the soak run (`thorough`) tries them all. */
const SHORT_STRINGS = [XSS[1]!, SQLI[1]!, 'a\u0000b', '\ud800', 'x'.repeat(100_000)];
const SHORT_PARAMS = [
  '-1',
  '99999999999999999999999',
  '%00',
  '%C3%28',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(5000),
];
const SHORT_JSON = ['{', '{"__proto__":{"polluted":1}}', '"text"'];

export function casesFor(route: FuzzRoute, options: { thorough?: boolean } = {}): FuzzCase[] {
  const thorough = options.thorough === true;
  const strings = thorough ? HOSTILE_STRINGS : SHORT_STRINGS;
  const id = `${route.method} ${route.url}`;
  const cases: FuzzCase[] = [];
  const add = (name: string, request: FuzzCase['request'], expectField?: string) =>
    cases.push({ route: id, name, request, ...(expectField ? { expectField } : {}) });
  const m = route.method;
  const query = sample(route.schema.querystring) as Record<string, unknown>;
  const qs = (q: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q))
      for (const one of [v].flat()) p.append(k, typeof one === 'string' ? one : JSON.stringify(one));
    const text = p.toString();
    return text ? `?${text}` : '';
  };
  const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m);
  const body = withBody ? sample(route.schema.body) : undefined;
  const baseUrl = fillPath(route.url) + qs(query);
  const base = (url: string) =>
    withBody
      ? {
          method: m,
          url,
          payload: JSON.stringify(body ?? {}),
          headers: { 'content-type': 'application/json' },
        }
      : { method: m, url };

  add('plausible request', base(baseUrl));

  for (const name of paramNames(route.url))
    for (const value of thorough ? HOSTILE_PARAMS : SHORT_PARAMS)
      add(`path ${name}=${value.slice(0, 40)}`, base(fillPath(route.url, { name, value }) + qs(query)));

  // query: every declared parameter (schema-guided), and the names pages commonly read where none is declared
  const qschema = route.schema.querystring;
  const declared = qschema ? paths(qschema).filter((p) => p.path.length === 1) : [];
  for (const { path, schema } of declared) {
    const key = path[0]!;
    // every query value arrives as text: only enums, numbers and booleans (or arrays of them) can be wrong
    const scalar = firstType(schema) === 'array' ? schema.items : schema;
    const wrong = scalar && (scalar.enum || firstType(scalar) !== 'string') ? wrongType(scalar) : undefined;
    if (wrong !== undefined)
      add(`query ${key} wrong type`, base(fillPath(route.url) + qs({ ...query, [key]: wrong })), key);
    for (const v of thorough
      ? [...XSS, ...SQLI, '-1', '%00', '%E0%A4%A', 'x'.repeat(10_000)]
      : [XSS[1]!, '%00'])
      add(
        `query ${key}=${v.slice(0, 30)}`,
        base(
          `${fillPath(route.url)}${qs(query) || '?'}&${key}=${v.startsWith('%') ? v : encodeURIComponent(v)}`,
        ),
      );
    if (thorough) add(`query ${key} repeated`, base(`${fillPath(route.url)}?${key}=1&${key}=2&${key}=%FF`));
  }
  const undeclared = ['q', 'page', 'year', 'agency', 'id'].filter(
    (k) => !declared.some((d) => d.path[0] === k),
  );
  add(
    'query undeclared parameters',
    base(
      `${fillPath(route.url)}?${undeclared.map((k) => `${k}=${encodeURIComponent(XSS[1]!)}`).join('&')}&zzz=${SQLI[0]}`,
    ),
  );
  add('query invalid percent-encoding', base(`${fillPath(route.url)}?%=%&a=%ZZ&%E0%A4%A=1`));

  if (!withBody) return cases;
  const url = baseUrl;
  for (const text of thorough ? MALFORMED_JSON : SHORT_JSON)
    add(`malformed JSON ${text.slice(0, 30)}`, json(m, url, text));
  const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]);
  add('invalid UTF-8 in JSON', json(m, url, invalidUtf8));
  add('deeply nested JSON', json(m, url, deep(50_000)));
  add('deeply nested object', json(m, url, '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)));
  add('3 MB JSON body', json(m, url, JSON.stringify({ big: 'x'.repeat(3 * 1024 * 1024) })));
  const form = `a=${encodeURIComponent(XSS[0]!)}&b=${encodeURIComponent(SQLI[1]!)}&_csrf=x`;
  add('form body', json(m, url, form, 'application/x-www-form-urlencoded'));
  if (thorough) {
    const formUtf8 = Buffer.from([0x61, 0x3d, 0xc3, 0x28, 0xff]);
    add('invalid UTF-8 in form', json(m, url, formUtf8, 'application/x-www-form-urlencoded'));
    add('text/plain body', json(m, url, 'hello', 'text/plain'));
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    add('XML body', json(m, url, xxe, 'application/xml'));
    add('JSON body without content type', json(m, url, JSON.stringify(body ?? {}), ''));
    add(
      'JSON declared with a strange charset',
      json(m, url, JSON.stringify(body ?? {}), 'application/json; charset=utf-7'),
    );
    add('content-length lies', {
      method: m,
      url,
      payload: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
    });
  }

  const bschema = route.schema.body;
  if (bschema && body && typeof body === 'object') {
    let firstString = true;
    let firstNested = true;
    let firstArray = true;
    for (const { path, schema } of paths(bschema)) {
      const field = path.join('.');
      const wrong = wrongType(schema);
      const at = (value: unknown, remove = false) =>
        JSON.stringify(setPath(body, bschema, path, value, remove));
      if (wrong !== undefined) add(`body ${field} wrong type`, json(m, url, at(wrong)), field);
      if ((bschema.required ?? []).includes(path[0]!) && path.length === 1)
        add(`body ${field} missing`, json(m, url, at(undefined, true)), field);
      if (thorough || firstNested)
        add(`body ${field} deeply nested`, json(m, url, at('__DEEP__').replace('"__DEEP__"', deep(2_000))));
      firstNested = false;
      if (firstType(schema) === 'string' && !schema.enum) {
        // the short run gives every text field the two values databases choke on, the first one every kind
        for (const v of thorough || firstString ? strings : ['a\u0000b', XSS[1]!])
          add(`body ${field}=${JSON.stringify(v.slice(0, 24))}`, json(m, url, at(v)));
        firstString = false;
      }
      if (firstType(schema) === 'integer' || firstType(schema) === 'number')
        for (const v of thorough ? [-1, 0, 0.5, 1e308, 2 ** 53 + 1, -(2 ** 31)] : [2 ** 53 + 1])
          add(`body ${field}=${v}`, json(m, url, at(v)));
      const bigArray = firstType(schema) === 'array' && (thorough || firstArray);
      if (firstType(schema) === 'array') firstArray = false;
      if (bigArray)
        add(
          `body ${field} with 10000 items`,
          json(m, url, at(Array.from({ length: 10_000 }, () => sample(schema.items)))),
        );
    }
    add('body unknown field', json(m, url, JSON.stringify({ ...(body as object), zzzUnknown: XSS[0] })));
  } else {
    for (const v of thorough ? [...XSS, ...SQLI, ...STRANGE] : strings.slice(0, 4))
      add(
        `body field=${JSON.stringify(v.slice(0, 24))}`,
        json(m, url, JSON.stringify({ name: v, title: v, q: v, json: v, report: v, agency: v })),
      );
    add('body array instead of object', json(m, url, JSON.stringify([1, 'a', null])));
  }
  return cases;
}

/**
 * Cases whose hostile values travel into queries (path and query parameters, body values) — the ones whose
 * outcome can differ between SQLite and PostgreSQL. The rest (malformed bodies, content types, uploads,
 * nesting) is decided by the HTTP layer before any query, the same on both.
 */
export function reachesTheDatabase(c: FuzzCase): boolean {
  return /^(plausible|path |query (?!invalid)|body \S+=|body field=)/.test(c.name);
}

// ——— checks ———

export const CHINESE = /[\u4e00-\u9fff]/;
const LEAKS = [/root:x?:0:0/, /"better-sqlite3"/, /BEGIN [A-Z ]*PRIVATE KEY/];
/** Markup of the XSS payloads as it would appear if echoed unescaped into an HTML page. */
const RAW_MARKUP = /<script>window\.__xss|<img src=x onerror|<svg onload/;

/** `items.0.description` names `items`; a field names itself. */
const names = (field: string | undefined, expected: string) =>
  field !== undefined && (field === expected || field.startsWith(`${expected}.`));

export interface CaseResult {
  status: number;
  problems: string[];
}

/**
 * Sends one case (with `headers`, e.g. a session) and checks it. `mark` reads a measure of everything stored;
 * a failed request must leave it unchanged.
 */
export async function runCase(
  server: FastifyInstance,
  c: FuzzCase,
  extraHeaders: Record<string, string>,
  mark: () => Promise<string>,
  remoteAddress: string,
  authorised: boolean,
): Promise<CaseResult> {
  const problems: string[] = [];
  const before = await mark();
  let res: LightMyRequestResponse;
  try {
    res = await server.inject({
      ...c.request,
      remoteAddress,
      headers: { ...extraHeaders, ...(c.request.headers as Record<string, string> | undefined) },
    } as InjectOptions);
  } catch (error) {
    return { status: 0, problems: [`${c.route} [${c.name}]: the server threw: ${(error as Error).message}`] };
  }
  const where = `${c.route} [${c.name}] → ${res.statusCode}`;
  if (res.statusCode >= 500) problems.push(`${where}: ${res.body.slice(0, 300)}`);
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 400) {
    if (type.includes('json')) {
      let message = '';
      let field: string | undefined;
      try {
        const parsed = JSON.parse(res.body) as { error?: { message?: string; field?: string } };
        message = parsed.error?.message ?? '';
        field = parsed.error?.field;
      } catch {
        problems.push(`${where}: error body is not JSON`);
      }
      if (!CHINESE.test(message))
        problems.push(`${where}: error message not in Chinese: ${res.body.slice(0, 200)}`);
      if (c.expectField && authorised && !(res.statusCode === 400 && names(field, c.expectField)))
        problems.push(
          `${where}: expected a 400 naming ${c.expectField}, got ${field ?? '(no field)'}: ${message}`,
        );
    } else if (!CHINESE.test(res.body))
      problems.push(`${where}: error page not in Chinese (${type}): ${res.body.slice(0, 200)}`);
    const after = await mark();
    if (after !== before)
      problems.push(`${where}: a failed request wrote to the database (${markDifference(before, after)})`);
  } else if (c.expectField && authorised)
    problems.push(`${where}: a request breaking the schema at ${c.expectField} was not refused`);
  if (res.statusCode >= 300 && res.statusCode < 400) {
    const location = String(res.headers.location ?? '');
    if (!/^\/(?![/\\])/.test(location)) problems.push(`${where}: redirects off the site to ${location}`);
  }
  if (type.includes('html') && RAW_MARKUP.test(res.body))
    problems.push(`${where}: markup from the input echoed unescaped`);
  for (const leak of LEAKS)
    if (leak.test(res.body)) problems.push(`${where}: response leaks a file (${leak})`);
  return { status: res.statusCode, problems };
}

/** Which tables' marks moved between two write marks (writeMark's JSON), for the problem's text. */
function markDifference(before: string, after: string): string {
  const a = JSON.parse(before) as { counts: Record<string, number>; changes: number | null };
  const b = JSON.parse(after) as { counts: Record<string, number>; changes: number | null };
  const moved = Object.keys(b.counts)
    .filter((t) => a.counts[t] !== b.counts[t])
    .map((t) => `${t} ${a.counts[t]}→${b.counts[t]}`);
  if (a.changes !== b.changes) moved.push(`${Number(b.changes) - Number(a.changes)} writes`);
  return moved.join(', ') || 'unknown';
}
