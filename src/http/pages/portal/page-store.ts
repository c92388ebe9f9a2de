import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../app.ts';
import type { Agency } from '../../../persistence/repositories/agency.repository.ts';
import { findAgency } from '../../../persistence/repositories/agency.repository.ts';
import type {
  Encoding,
  PageToStore,
  StoredPage,
} from '../../../persistence/repositories/portal-page.repository.ts';
import {
  generationReader,
  pageReader,
  portalGeneration,
  storePages,
} from '../../../persistence/repositories/portal-page.repository.ts';
import { onCatalogChange } from '../../../services/catalog/cache.ts';
import { catalogConfigAt } from '../../../services/catalog/config.service.ts';
import { agencyForHost } from '../../../services/catalog/portal-host.service.ts';
import {
  catalogTree,
  categoryPage,
  portalAgency,
  portalItem,
  publicItemIdsAfter,
} from '../../../services/catalog/portal.service.ts';
import { catalogTreePage, categoryPageHtml } from './catalog.page.ts';
import { itemPage } from './item.page.ts';
import type { RenderedPage } from './page-writer.ts';
import { compressed, compressedForms } from './compression.ts';
import { PageWriter } from './page-writer.ts';
import type { PortalView } from './shell.ts';

/**
 * The portal's stored pages: item pages (/items/ID) and catalog pages (/catalog, /catalog/CODE?page=N), each
 * rendered once — when it is published, changed or repealed (the change listener renders it again after the
 * commit), or on the first request after it went stale — and stored with its gzip and brotli forms, an ETag
 * and a Last-Modified. A request is then one primary-key read of the body in the encoding the client takes,
 * answered 304 when the client has it. A page is stored under its canonical address (`storedPath`), and
 * an address that differs only by parameters the page does not read is answered with it. A category's pages
 * past the STORED_CATEGORY_PAGES-th are the exception: rendered for every request, never stored.
 *
 * The template version is a hash of the page templates' source (src/http/pages): an upgrade that changes how
 * pages look makes every stored page a miss, rendered again on its next request. Pages do not depend on the
 * visitor (the 适老化 settings are a stylesheet of their own: display.ts). A stored page is rendered from the
 * database, never from this process's memos: the generation read before it is then all that decides whether
 * it may be stored.
 */
const ITEM = /^\/items\/([1-9]\d{0,8})$/;
const CATEGORY = /^\/catalog\/([0-9A-Za-z_-]{1,40})$/;
const CODE = /^[0-9A-Za-z-]{2,32}$/;
const PAGE = /^[1-9]\d{0,3}$/;

type Target =
  { kind: 'item'; id: number } | { kind: 'tree' } | { kind: 'category'; code: string; page: number };

/**
 * The stored page an address names: its target, the agency code it carries and its canonical address (the
 * key it is stored under: the path, `?page=N` when N > 1, `agency=CODE`). Parameters the page does not read
 * (`?utm_source=…`, a cache-busting `?t=…`) do not make another page: the address is answered with its
 * canonical page. Null when the address is not a stored page, or a parameter it reads is malformed or
 * repeated (the route then answers it as it would any page).
 */
export function storedPath(url: string): { target: Target; agencyParam: string | null; key: string } | null {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  let agencyParam: string | null = null;
  let pageParam: string | null = null;
  if (at !== -1) {
    const query = new URLSearchParams(url.slice(at + 1));
    const agencies = query.getAll('agency');
    const pages = query.getAll('page');
    if (agencies.length > 1 || pages.length > 1) return null;
    if (agencies.length === 1) {
      if (!CODE.test(agencies[0]!)) return null;
      agencyParam = agencies[0]!;
    }
    pageParam = pages[0] ?? null;
  }
  const suffix = (page: number) =>
    [page > 1 ? `page=${page}` : '', agencyParam ? `agency=${agencyParam}` : ''].filter((p) => p).join('&');
  const keyOf = (base: string, page = 1) => {
    const q = suffix(page);
    return q ? `${base}?${q}` : base;
  };
  let m = ITEM.exec(path);
  if (m) return { target: { kind: 'item', id: Number(m[1]) }, agencyParam, key: keyOf(path) };
  if (path === '/catalog') return { target: { kind: 'tree' }, agencyParam, key: keyOf(path) };
  m = CATEGORY.exec(path);
  if (m) {
    if (pageParam !== null && !PAGE.test(pageParam)) return null;
    const page = pageParam === null ? 1 : Number(pageParam);
    return { target: { kind: 'category', code: m[1]!, page }, agencyParam, key: keyOf(path, page) };
  }
  return null;
}

function templateVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        hash.update(readFileSync(path));
    }
  };
  walk(join(import.meta.dirname, '..'));
  return hash.digest('base64url').slice(0, 16);
}

/** The encoding to send: brotli, else gzip, else identity (q=0 refusals honoured). */
export function chosenEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const accepts = (name: string) => {
    const m = new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=([0-9.]+))?\\s*(?:,|$)`, 'i').exec(header);
    return m !== null && (m[1] === undefined || Number(m[1]) > 0);
  };
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
}

const HTML = 'text/html; charset=utf-8';

/**
 * A category's pages past this one are rendered on every request and never stored. They are the deep pages of
 * a listing — asked rarely, and seldom twice between two changes of the catalog (a crawler walks them once) —
 * and storing one costs more than rendering it: its gzip and brotli forms and a write, against a seek from its
 * start mark and a render. The pages people browse, 1 to 20, are stored as every other page.
 */
export const STORED_CATEGORY_PAGES = 20;

/** Whether the page of a stored address is kept in the store (else it is rendered for each request). */
function kept(target: Target): boolean {
  return target.kind !== 'category' || target.page <= STORED_CATEGORY_PAGES;
}

/**
 * A page as answered: a stored one, or one rendered for this request. A page that is not kept in the store has
 * no Last-Modified (`modifiedAt` null: the time of its render says nothing of when it last changed); its ETag,
 * the hash of its content, is the same for every render of the same content, so a client that has it is still
 * answered 304.
 */
type AnsweredPage = Omit<StoredPage, 'modifiedAt'> & { modifiedAt: string | null };

/** Sends a page: its validators, 304 when the client has it, else the body in its encoding. */
function answer(request: FastifyRequest, reply: FastifyReply, page: AnsweredPage, encoding: Encoding): void {
  void reply.header('etag', page.etag);
  if (page.modifiedAt !== null) void reply.header('last-modified', page.modifiedAt);
  void reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding');
  const match = request.headers['if-none-match'];
  const since = request.headers['if-modified-since'];
  if (
    match
      ? match.split(',').some((t) => t.trim() === page.etag || t.trim() === '*')
      : page.modifiedAt !== null && since === page.modifiedAt
  ) {
    void reply.status(304).send();
    return;
  }
  if (encoding !== 'identity') void reply.header('content-encoding', encoding);
  void reply.type(HTML).send(Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength));
}

/**
 * A page's UTF-8 bytes, written into a scratch buffer and copied out: Buffer.from measures the text first, which
 * for a page built of many pieces (flattened on the way) costs as much as the write itself. A write that stopped
 * short of the text's end (a page larger than the scratch buffer) leaves less than a character's 4 bytes unused.
 */
const scratch = Buffer.allocUnsafe(256 * 1024);
function utf8(text: string): Buffer {
  const written = scratch.write(text);
  return written < scratch.length - 3 ? Buffer.from(scratch.subarray(0, written)) : Buffer.from(text);
}

export class PortalPageStore {
  readonly template = templateVersion();
  private readonly reader;
  private readonly writer;
  private readonly generation;

  constructor(private readonly app: App) {
    this.reader = pageReader(app.ctx.database);
    this.generation = generationReader(app.ctx.database);
    this.writer = new PageWriter(app.ctx.database.db);
    // after a change commits: render the changed items' pages and their categories' first pages again
    onCatalogChange((change) => {
      if (change.database !== app.ctx.database) return;
      void this.refresh(change.agencyId, change.items).catch((error: unknown) =>
        console.error('portal page store: rendering after a change failed', error),
      );
    });
  }

  /** Serves a stored page (rendering and storing it on a miss); false when the address is not a stored page. */
  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    notFound: () => string,
  ): Promise<boolean> {
    // while the demo is on every page carries its banner (plugins/demo-banner.ts), which a stored, precompressed
    // page cannot take: the demo's pages are rendered per request
    if (this.app.demoLogin) return false;
    const stored = storedPath(request.url);
    if (!stored || stored.agencyParam !== ((request.query as { agency?: string }).agency ?? null))
      return false;
    const page = await this.pageOf(agency.id, stored, chosenEncoding(request.headers['accept-encoding']));
    if (!page) {
      void reply.status(404).type(HTML).send(notFound());
      return true;
    }
    answer(request, reply, page.page, page.encoding);
    return true;
  }

  /**
   * The page of a request, before anything else is done with it (the onRequest hook of `registerStoredPages`):
   * a GET or HEAD of a stored address — its stored page, or, when it is not stored yet, its page rendered now
   * (and stored behind the answer), as the route would render it. Null — the route then runs as for any page
   * — when the demo is on, the address is not a stored one, the host is bound to an agency and the query names
   * one (rendered, never stored), or there is no such page (the route answers the 404).
   */
  async early(request: FastifyRequest): Promise<{ page: AnsweredPage; encoding: Encoding } | null> {
    if (this.app.demoLogin) return null;
    const stored = storedPath(request.url);
    if (!stored) return null;
    // a host bound to an agency serves that agency, whatever the query says (requests.ts: resolve)
    const bound = await agencyForHost(this.app.ctx, request.hostname);
    if (bound && stored.agencyParam !== null) return null;
    const agency = bound ?? (await portalAgency(this.app.ctx, stored.agencyParam));
    if (!agency) return null;
    return this.pageOf(agency.id, stored, chosenEncoding(request.headers['accept-encoding']));
  }

  /**
   * The page of a stored address in `encoding`: the stored one, else rendered now — and stored behind the
   * answer when it is kept (a category's first STORED_CATEGORY_PAGES pages and every other page) — or null when
   * there is no such page.
   */
  private async pageOf(
    agencyId: number,
    stored: { target: Target; key: string },
    encoding: Encoding,
  ): Promise<{ page: AnsweredPage; encoding: Encoding } | null> {
    const keep = kept(stored.target);
    const page =
      (keep ? await this.reader.read(agencyId, stored.key, this.template, encoding) : null) ??
      (await this.renderOnRequest(agencyId, stored.key, encoding, keep));
    return page ? { page, encoding } : null;
  }

  /**
   * Renders a page a request asked for and answers it at once. A page kept in the store is stored behind
   * (page-writer.ts): compressed and stored in batches after the answer, one transaction per batch; the answer
   * carries the ETag and Last-Modified the stored page will have. Only the encoding the client takes is
   * compressed now.
   */
  private async renderOnRequest(
    agencyId: number,
    path: string,
    encoding: Encoding,
    keep: boolean,
  ): Promise<AnsweredPage | null> {
    const generation = await this.generation(agencyId);
    const page = await this.renderText(agencyId, path, generation);
    if (!page) return null;
    const body = encoding === 'identity' ? page.body : await compressed(page.body, encoding);
    if (!keep) return { etag: page.etag, modifiedAt: null, body };
    this.writer.add({ ...page, [encoding === 'br' ? 'brotli' : encoding]: body }, generation);
    return { etag: page.etag, modifiedAt: page.modifiedAt, body };
  }

  /** Waits until the pages rendered on request so far are stored (or refused: a change raced them). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Renders a stored address, stores it (unless a change raced the render) and returns it in `encoding`. */
  async render(agencyId: number, path: string, encoding: Encoding = 'identity') {
    const generation = await portalGeneration(this.app.ctx.database.db, agencyId);
    const page = await this.renderPage(agencyId, path, generation);
    if (!page) return null;
    // through storePages: it locks the generation first, so a change that races this render wins
    await storePages(this.app.ctx.database.db, [page], generation);
    return {
      etag: page.etag,
      modifiedAt: page.modifiedAt,
      body: encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : page.body,
    };
  }

  /**
   * Renders a stored address with its compressed forms, without storing it; null when there is no such page.
   * `generation`, the agency's portal generation read before, lets a category page seek to its start.
   */
  async renderPage(agencyId: number, path: string, generation?: number): Promise<PageToStore | null> {
    const page = await this.renderText(agencyId, path, generation);
    return page && { ...page, ...compressedForms(page.body) };
  }

  /** Renders a stored address: its body, ETag and Last-Modified; null when there is no such page. */
  private async renderText(
    agencyId: number,
    path: string,
    generation?: number,
  ): Promise<RenderedPage | null> {
    const stored = storedPath(path);
    if (!stored || stored.key !== path) return null;
    const ctx = this.app.ctx;
    // at a generation read before: the agency as of that generation (memoised per generation, exact)
    const agency =
      generation === undefined
        ? await findAgency(ctx.database.db, agencyId)
        : ((await catalogConfigAt(ctx, agencyId, generation))?.agency ?? null);
    if (!agency) return null;
    const view: PortalView = { agency, agencyParam: stored.agencyParam, path };
    const { target } = stored;
    let text: string | null;
    if (target.kind === 'item') {
      const data = await portalItem(ctx, agencyId, target.id, true, generation);
      text = data ? itemPage(view, data) : null;
    } else if (target.kind === 'tree') text = catalogTreePage(view, await catalogTree(ctx, agencyId, true));
    else {
      const data = await categoryPage(ctx, agencyId, target.code, target.page, true, generation);
      text = data ? categoryPageHtml(view, data) : null;
    }
    if (text === null) return null;
    const body = utf8(text);
    return {
      agencyId,
      path,
      template: this.template,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      modifiedAt: new Date().toUTCString(),
      body,
    };
  }

  /**
   * Renders the addresses and stores them in one transaction (a bulk render: one commit, not one per page);
   * a change that raced the batch leaves all of them unstored, rendered again when asked for.
   */
  private async renderBatch(agencyId: number, paths: readonly string[]): Promise<number> {
    const db = this.app.ctx.database.db;
    const generation = await portalGeneration(db, agencyId);
    const pages: PageToStore[] = [];
    for (const path of paths) {
      const page = await this.renderPage(agencyId, path, generation);
      if (page) pages.push(page);
    }
    await storePages(db, pages, generation);
    return pages.length;
  }

  /** The canonical address prefix of an agency's pages: none for the portal's default agency. */
  private async suffix(agencyId: number): Promise<string | null> {
    const fallback = await portalAgency(this.app.ctx, null);
    if (fallback?.id === agencyId) return '';
    const agency = await findAgency(this.app.ctx.database.db, agencyId);
    return agency ? `?agency=${agency.code}` : null;
  }

  /** Renders the items' pages, the catalog tree and the first page of each category the items are filed in. */
  async refresh(agencyId: number, items: readonly number[]): Promise<void> {
    const suffix = await this.suffix(agencyId);
    if (suffix === null) return;
    const categories = new Set<string>();
    for (const id of items) {
      const data = await portalItem(this.app.ctx, agencyId, id);
      if (data) {
        await this.render(agencyId, `/items/${id}${suffix}`);
        for (const c of data.path) categories.add(c.code);
      }
    }
    await this.render(agencyId, `/catalog${suffix}`);
    for (const code of categories) await this.render(agencyId, `/catalog/${code}${suffix}`);
  }

  /**
   * Renders every public item's page and every category's first page (after a bulk import, or to fill the
   * store of an existing installation). Returns the number of pages stored.
   */
  async renderAll(
    agencyId: number,
    onProgress?: (done: number) => void,
    /** only the items it accepts (the benchmark's sample); every public item when absent */
    only?: (id: number) => boolean,
  ): Promise<number> {
    const suffix = await this.suffix(agencyId);
    if (suffix === null) return 0;
    let done = 0;
    for (let after = 0; ;) {
      const ids = await publicItemIdsAfter(this.app.ctx, agencyId, after, 500);
      if (ids.length === 0) break;
      done += await this.renderBatch(
        agencyId,
        ids.filter((id) => !only || only(id)).map((id) => `/items/${id}${suffix}`),
      );
      after = ids[ids.length - 1]!;
      onProgress?.(done);
    }
    const tree = await catalogTree(this.app.ctx, agencyId);
    await this.render(agencyId, `/catalog${suffix}`);
    const walk = async (nodes: typeof tree) => {
      for (const n of nodes) {
        if (await this.render(agencyId, `/catalog/${n.code}${suffix}`)) done++;
        await walk(n.children);
      }
    };
    await walk(tree);
    return done + 1;
  }
}

/**
 * Serves stored pages as early as Fastify allows: an onRequest hook, registered after the request id and the
 * security headers (so a stored page carries exactly the headers of any other page) and before everything
 * else — cookies, the session lookup, schema validation, the route. A page not stored yet is rendered there
 * too (the pages do not depend on the visitor, so nothing after the hook changes them); an address that is not
 * a stored page, or has no page, goes on to its route.
 */
export function registerStoredPages(server: FastifyInstance, app: App): void {
  const store = portalPageStore(app);
  // the pages rendered on request and not stored yet are stored before the database closes
  server.addHook('onClose', () => store.flush());
  server.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const url = request.url;
    if (!url.startsWith('/items/') && !url.startsWith('/catalog')) return;
    const found = await store.early(request);
    if (!found) return;
    answer(request, reply, found.page, found.encoding);
    return reply;
  });
}

const stores = new WeakMap<App, PortalPageStore>();

/** The page store of this app (one per app: it listens to the app's changes). */
export function portalPageStore(app: App): PortalPageStore {
  let store = stores.get(app);
  if (!store) stores.set(app, (store = new PortalPageStore(app)));
  return store;
}
