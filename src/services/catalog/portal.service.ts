import type { Category, InformationItem, Segment, Validity } from '../../domain/catalog/index.ts';
import {
  buildGuide,
  categoryPath,
  descendantCodes,
  findCategory,
  highlighter,
  PUBLIC_STATES,
  planQuery,
  readGuideSettings,
  readSynonyms,
  stateOfValidity,
} from '../../domain/catalog/index.ts';
import type { GuideSection } from '../../domain/catalog/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import {
  findAgency,
  findAgencyByCode,
  listAgencies,
} from '../../persistence/repositories/agency.repository.ts';
import type { Attachment } from '../../persistence/repositories/catalog-attachment.repository.ts';
import { attachmentListOf } from '../../persistence/repositories/catalog-attachment.repository.ts';
import type { ItemSummary, SearchHit } from '../../persistence/repositories/catalog-item.repository.ts';
import {
  findPublicItem,
  countItems,
  searchHitsByIds,
  pageOfItems,
  maxPublicItemId,
  publicItemIdsAfter as publicItemIdsAfterRow,
  publicCountsByCategory,
  publicItemStamps,
} from '../../persistence/repositories/catalog-item.repository.ts';
import { publishedReportsOf } from '../../persistence/repositories/published-report.repository.ts';
import { COUNT_CAP, searchItemIds } from '../../persistence/repositories/catalog-search.repository.ts';
import type { ListedItem } from '../../persistence/repositories/catalog-listing.repository.ts';
import { listedItem } from '../../persistence/repositories/catalog-listing.repository.ts';
import { remembered } from './cache.ts';
import { categoryListing, listingPage } from './category-listing.ts';
import type { ItemLinks } from './portal-standards.service.ts';
import { portalItemLinks } from './portal-standards.service.ts';
import type { CatalogConfig } from './config.service.ts';
import { catalogConfig, catalogConfigAt } from './config.service.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The public portal's reads: only public items (published, 失效, 废止) of the portal's agency. The portal serves
 * one agency: `?agency=CODE` when given, else the agency whose settings say `portal: {default: true}`, else the
 * first top-level agency.
 */
export function portalAgency(ctx: ServiceContext, code?: string | null): Promise<Agency | null> {
  return remembered(ctx, `agency:${code ?? ''}`, SETTINGS_TTL_MS, async () => {
    const db = ctx.database.db;
    if (code) return findAgencyByCode(db, code);
    const agencies = await listAgencies(db);
    const chosen = agencies.find(
      (a) => (a.settings.portal as { default?: unknown } | undefined)?.default === true,
    );
    return chosen ?? agencies.find((a) => a.parentId === null) ?? null;
  });
}

export const PAGE_SIZE = 20;
/** Agency settings are changed by other services: the portal picks them up within this time. */
const SETTINGS_TTL_MS = 30_000;
/** Counts change only with the catalog (which resets them); the limit covers writes from another process. */
const COUNT_TTL_MS = 300_000;

/** The agency's catalog configuration (categories, 索引号 scheme), which every portal page needs. */
export function portalConfig(ctx: ServiceContext, agencyId: number, fresh = false): Promise<CatalogConfig> {
  if (fresh) return catalogConfig(ctx.database.db, agencyId);
  return remembered(ctx, `config:${agencyId}`, SETTINGS_TTL_MS, () =>
    catalogConfig(ctx.database.db, agencyId),
  );
}

/**
 * The configuration a page renders with: at the portal generation the page store read before its render
 * (memoised at it, exact across processes; null without such an agency), otherwise `portalConfig`.
 */
function configFor(
  ctx: ServiceContext,
  agencyId: number,
  fresh: boolean,
  generation: number | undefined,
): Promise<CatalogConfig | null> {
  return generation !== undefined
    ? catalogConfigAt(ctx, agencyId, generation)
    : portalConfig(ctx, agencyId, fresh);
}

export async function latestItems(ctx: ServiceContext, agencyId: number, limit = 10): Promise<ItemSummary[]> {
  return pageOfItems(ctx.database.db, { agencyId, states: PUBLIC_STATES }, { limit, offset: 0 });
}

export interface CategoryNode extends Category {
  count: number;
  children: CategoryNode[];
}

/**
 * The category of the catalog under which the published annual reports (条例 Art. 49) are listed: they are
 * kept as reports, not as items, and counted there with the items filed in it.
 */
export const REPORTS_CATEGORY = 'ndbg';

/** The catalog tree with the number of public items under each category (年度报告: items and reports). */
export async function catalogTree(
  ctx: ServiceContext,
  agencyId: number,
  fresh = false,
): Promise<CategoryNode[]> {
  const { categories } = await portalConfig(ctx, agencyId, fresh);
  const load = async () => {
    const [byCategory, reports] = await Promise.all([
      publicCountsByCategory(ctx.database.db, agencyId),
      publishedReportsOf(ctx.database.db, agencyId),
    ]);
    const merged = new Map(byCategory);
    merged.set(REPORTS_CATEGORY, (merged.get(REPORTS_CATEGORY) ?? 0) + reports.length);
    return merged;
  };
  const counts = fresh ? await load() : await remembered(ctx, `tree:${agencyId}`, COUNT_TTL_MS, load);
  const node = (c: Category): CategoryNode => {
    const children = categories.filter((x) => x.parent === c.code).map(node);
    return { ...c, children, count: (counts.get(c.code) ?? 0) + children.reduce((s, x) => s + x.count, 0) };
  };
  return categories.filter((c) => c.parent === null).map(node);
}

export interface CategoryPage {
  category: Category;
  path: Category[];
  children: Category[];
  total: number;
  page: number;
  pages: number;
  /** what the listing shows of the page's items (名称, 文号, 发布日期, validity) */
  items: ListedItem[];
  /** the published annual reports, on the 年度报告 category's page */
  reports: { year: number; title: string }[];
}

export async function categoryPage(
  ctx: ServiceContext,
  agencyId: number,
  code: string,
  page: number,
  fresh = false,
  /** the portal generation read before the render (the page store's): the page is a seek from its start mark */
  generation?: number,
): Promise<CategoryPage | null> {
  const config = await configFor(ctx, agencyId, fresh, generation);
  if (!config) return null;
  const { categories } = config;
  const category = findCategory(categories, code);
  if (!category) return null;
  const current = Math.max(1, page);
  const filter = { agencyId, states: PUBLIC_STATES, categoryCodes: descendantCodes(categories, code) };
  const listed = async (generation: number) => {
    const listing = await categoryListing(ctx, filter, `${agencyId}:${code}`, generation, PAGE_SIZE);
    return [listing.total, await listingPage(ctx, filter, listing, current, PAGE_SIZE)] as const;
  };
  const [[total, items], reports] = await Promise.all([
    generation !== undefined
      ? listed(generation)
      : Promise.all([
          fresh
            ? countItems(ctx.database.db, filter)
            : remembered(ctx, `count:${agencyId}:${code}`, COUNT_TTL_MS, () =>
                countItems(ctx.database.db, filter),
              ),
          pageOfItems(ctx.database.db, filter, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE }),
        ]),
    code === REPORTS_CATEGORY ? publishedReportsOf(ctx.database.db, agencyId) : Promise.resolve([]),
  ]);
  return {
    category,
    path: categoryPath(categories, code),
    children: categories.filter((c) => c.parent === code),
    total,
    page: current,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: items.map(listedItem),
    reports: reports.map((r) => ({ year: r.year, title: r.title })),
  };
}

export interface PortalItem {
  item: InformationItem;
  path: Category[];
  attachments: Attachment[];
  /** its 事项, its 政策解读 or the document it explains (portal-standards.service.ts) */
  links: ItemLinks;
}

export async function portalItem(
  ctx: ServiceContext,
  agencyId: number,
  id: number,
  fresh = false,
  /** the portal generation read before the render (the page store's): its configuration is memoised at it */
  generation?: number,
): Promise<PortalItem | null> {
  const item = await findPublicItem(ctx.database.db, agencyId, id);
  if (!item) return null;
  const [config, attachments, links] = await Promise.all([
    configFor(ctx, agencyId, fresh, generation),
    item.method === 'proactive' ? attachmentListOf(ctx.database.db, id) : Promise.resolve([]),
    portalItemLinks(ctx, item),
  ]);
  if (!config) return null;
  return { item, path: categoryPath(config.categories, item.categoryCode), attachments, links };
}

export interface SearchInput {
  q: string;
  category?: string;
  year?: number;
  validity?: Validity;
  /** 文号 contains this text */
  docNumber?: string;
  sort?: 'date' | 'relevance';
  page?: number;
}

export interface SearchResult {
  item: Omit<SearchHit, 'body'>;
  title: Segment[];
  snippet: Segment[];
}

export async function portalSearch(
  ctx: ServiceContext,
  agencyId: number,
  input: SearchInput,
): Promise<{
  tokens: string[];
  /** matches counted, to the end of the page's ranking window (countEnd) */
  total: number;
  /** there are more: on the next pages, or (capped) past COUNT_CAP, not offered */
  more: boolean;
  capped: boolean;
  page: number;
  pages: number;
  results: SearchResult[];
  /** 您是不是要找: when nothing matches, the part of the query that does */
  suggestion: string | null;
}> {
  const synonyms = await remembered(ctx, `synonyms:${agencyId}`, SETTINGS_TTL_MS, async () =>
    readSynonyms((await findAgency(ctx.database.db, agencyId))?.settings.searchSynonyms),
  );
  const plan = planQuery(input.q, synonyms);
  const tokens = plan.tokens;
  const page = Math.min(Math.max(1, input.page ?? 1), COUNT_CAP / PAGE_SIZE);
  if (tokens.length === 0)
    return { tokens, total: 0, more: false, capped: false, page, pages: 1, results: [], suggestion: null };
  const { categories } = await portalConfig(ctx, agencyId);
  const codes =
    input.category && findCategory(categories, input.category)
      ? descendantCodes(categories, input.category)
      : undefined;
  const query = {
    agencyId,
    tokens,
    groups: plan.groups,
    states: input.validity ? [stateOfValidity(input.validity)] : PUBLIC_STATES,
    ...(codes ? { categoryCodes: codes } : {}),
    ...(input.year ? { year: input.year } : {}),
    ...(input.docNumber ? { docNumber: input.docNumber } : {}),
    sort: input.sort ?? ('relevance' as const),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const found = await searchItemIds(ctx.database.db, ctx.database.dialect, query);
  let suggestion: string | null = null;
  if (found.total === 0 && plan.groups.length > 1) {
    // the words that find something on their own, in the order typed
    const kept: string[] = [];
    for (const group of plan.groups) {
      const alone = await searchItemIds(ctx.database.db, ctx.database.dialect, {
        ...query,
        groups: [group],
        sort: 'date',
        limit: 1,
        offset: 0,
      });
      if (alone.total > 0) kept.push(group[0]!.join(''));
    }
    if (kept.length > 0 && kept.length < plan.groups.length) suggestion = kept.join(' ');
  }
  const items = await searchHitsByIds(ctx.database.db, found.ids);
  const capped = found.more && found.total >= COUNT_CAP;
  const marks = highlighter(input.q, tokens);
  return {
    suggestion,
    tokens,
    total: found.total,
    more: found.more,
    capped,
    page,
    pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    results: items.map(({ body, ...item }) => ({
      item,
      title: marks.highlight(item.title),
      snippet: marks.highlight(
        marks.snippet(item.method === 'proactive' ? `${item.summary} ${body}` : item.summary),
      ),
    })),
  };
}

/** The ids of the agency's public items after `afterId`, in id order. */
export function publicItemIdsAfter(ctx: ServiceContext, agencyId: number, afterId: number, limit: number) {
  return publicItemIdsAfterRow(ctx.database.db, agencyId, afterId, limit);
}

/** The sitemap is split by id ranges of SITEMAP_SPAN, so no file lists more than the protocol's 50,000 URLs. */
export const SITEMAP_SPAN = 50_000;

export async function sitemapPageCount(ctx: ServiceContext, agencyId: number): Promise<number> {
  return Math.floor((await maxPublicItemId(ctx.database.db, agencyId)) / SITEMAP_SPAN) + 1;
}

export async function sitemapStamps(ctx: ServiceContext, agencyId: number, page: number) {
  return publicItemStamps(ctx.database.db, agencyId, page * SITEMAP_SPAN, (page + 1) * SITEMAP_SPAN);
}

/** 政府信息公开指南, generated from the agency's settings and catalog. */
export async function portalGuide(ctx: ServiceContext, agency: Agency): Promise<GuideSection[]> {
  const { categories, scheme } = await portalConfig(ctx, agency.id);
  return buildGuide({
    agencyName: agency.name,
    categories,
    indexScheme: scheme.text,
    settings: readGuideSettings(agency.settings),
  });
}
