import { actorOf } from '../../domain/access/principal.ts';
import type { Category, IndexScheme } from '../../domain/catalog/index.ts';
import {
  CATALOG_ADMIN_ROLES,
  DEFAULT_CATEGORIES,
  DEFAULT_INDEX_SCHEME,
  parseIndexScheme,
  validateCategories,
} from '../../domain/catalog/index.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Principal } from '../../domain/access/principal.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import {
  categoriesOf,
  categoryCodesInUse,
  replaceCategories,
} from '../../persistence/repositories/catalog-category.repository.ts';
import type { Db, ServiceContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import { requireStaffOf } from './access.ts';
import { portalGeneration } from '../../persistence/repositories/portal-page.repository.ts';
import { catalogChanged, rememberedAt } from './cache.ts';
import { portalPagesChanged } from './page-store.service.ts';

/**
 * An agency's catalog configuration: its categories (its own list, else the defaults), its 索引号 scheme
 * (settings.indexScheme, else the default) and extra classification marks for the scanner
 * (settings.scanner.extraMarks).
 */
export interface CatalogConfig {
  agency: Agency;
  categories: Category[];
  /** the agency configured its own categories */
  customCategories: boolean;
  scheme: IndexScheme;
  extraMarks: string[];
  /** settings.interpretationRequired: a 规范性文件 is not submitted or published without its 政策解读 */
  interpretationRequired: boolean;
}

export async function catalogConfig(db: Db, agencyId: number): Promise<CatalogConfig> {
  const agency = await findAgency(db, agencyId);
  if (!agency) throw notFound('机关');
  const own = await categoriesOf(db, agencyId);
  const schemeText =
    typeof agency.settings.indexScheme === 'string' ? agency.settings.indexScheme : DEFAULT_INDEX_SCHEME;
  const parsed = parseIndexScheme(schemeText);
  const fallback = parseIndexScheme(DEFAULT_INDEX_SCHEME);
  const scanner = agency.settings.scanner as { extraMarks?: unknown } | undefined;
  const extra = Array.isArray(scanner?.extraMarks)
    ? scanner.extraMarks.filter((m): m is string => typeof m === 'string' && m.trim() !== '')
    : [];
  return {
    agency,
    categories: own.length > 0 ? own : [...DEFAULT_CATEGORIES],
    customCategories: own.length > 0,
    scheme: parsed.ok ? parsed.scheme : (fallback as { ok: true; scheme: IndexScheme }).scheme,
    extraMarks: extra.map((m) => m.trim()),
    interpretationRequired: agency.settings.interpretationRequired === true,
  };
}

/**
 * The configuration at the agency's portal generation `generation` (read from the database before): the page
 * store's renders, which may not use a memo that outlives a change in any process. Every change of what it
 * holds — the categories (setCategories), the agency's name and settings (staff.service) — bumps the
 * generation in its transaction. Null when there is no such agency.
 */
export function catalogConfigAt(
  ctx: ServiceContext,
  agencyId: number,
  generation: number,
): Promise<CatalogConfig | null> {
  const db = ctx.database.db;
  return rememberedAt(
    ctx.database,
    `config:${agencyId}`,
    generation,
    async () => ((await findAgency(db, agencyId)) ? catalogConfig(db, agencyId) : null),
    () => portalGeneration(db, agencyId),
  );
}

/**
 * Replaces the agency's categories (管理员 or 负责人). A category that items are filed in cannot be removed, and
 * items may only sit in leaf categories, so a category in use cannot become a parent.
 */
export async function setCategories(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  input: unknown,
): Promise<Category[]> {
  requireStaffOf(actor, agencyId, CATALOG_ADMIN_ROLES);
  const checked = validateCategories(input);
  if (!checked.ok)
    throw new AppError('validation', checked.errors[0]!, 'categories', { errors: checked.errors });
  const result = await inTransaction(ctx, async (trx, record) => {
    const before = await catalogConfig(trx, agencyId);
    const inUse = await categoryCodesInUse(trx, agencyId);
    const codes = new Set(checked.categories.map((c) => c.code));
    for (const code of inUse) {
      if (!codes.has(code)) throw new AppError('conflict', `分类“${code}”下已有信息，不能删除`, 'categories');
      if (checked.categories.some((c) => c.parent === code))
        throw new AppError('conflict', `分类“${code}”下已有信息，不能再设子分类`, 'categories');
    }
    await replaceCategories(trx, agencyId, checked.categories);
    await portalPagesChanged(trx, agencyId, 'all');
    await record({
      agencyId,
      entityType: 'catalog_categories',
      entityId: agencyId,
      action: 'replace',
      actor: actorOf(actor),
      actorRole: null,
      data: { before: before.categories, after: checked.categories },
    });
    return checked.categories;
  });
  catalogChanged({ database: ctx.database, agencyId, items: [] });
  return result;
}
