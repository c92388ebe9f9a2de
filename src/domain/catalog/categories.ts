/**
 * The catalog (政府信息公开目录, 条例 Art. 12) is organised by categories. Each agency may configure its own; the
 * defaults follow what agencies commonly use: 机构职能, 法规文件 (规章, 行政规范性文件, 其他文件), the 条例 Art. 20
 * items, 政策解读, 工作动态, 年度报告. Items are filed in leaf categories only.
 */
export type NormativeKind = 'rules' | 'normative_documents';

export const NORMATIVE_KIND_LABEL: Record<NormativeKind, string> = {
  rules: '规章',
  normative_documents: '行政规范性文件',
};

export interface Category {
  /** URL-safe code, unique within the agency: letters, digits, '-' */
  code: string;
  name: string;
  /** the parent's code; null for a top-level category */
  parent: string | null;
  /** the 条例 article the category serves, e.g. 第二十条第（三）项 */
  article?: string;
  /** items published here are 规章 or 行政规范性文件 and enter the normative-document lifecycle (table 二) */
  normative?: NormativeKind;
}

const art20 = (item: string) => `第二十条第（${item}）项`;

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { code: 'jgzn', name: '机构职能', parent: null, article: art20('二') },
  { code: 'fgwj', name: '法规文件', parent: null, article: art20('一') },
  { code: 'gz', name: '规章', parent: 'fgwj', article: art20('一'), normative: 'rules' },
  {
    code: 'gfxwj',
    name: '行政规范性文件',
    parent: 'fgwj',
    article: art20('一'),
    normative: 'normative_documents',
  },
  { code: 'qtwj', name: '其他文件', parent: 'fgwj', article: art20('一') },
  { code: 'ghjh', name: '规划计划', parent: null, article: art20('三') },
  { code: 'tjxx', name: '统计信息', parent: null, article: art20('四') },
  { code: 'xzxk', name: '行政许可', parent: null, article: art20('五') },
  { code: 'xzcf', name: '行政处罚', parent: null, article: art20('六') },
  { code: 'xzqz', name: '行政强制', parent: null, article: art20('六') },
  { code: 'czyjs', name: '财政预决算', parent: null, article: art20('七') },
  { code: 'xzsyxsf', name: '行政事业性收费', parent: null, article: art20('八') },
  { code: 'zfcg', name: '政府采购', parent: null, article: art20('九') },
  { code: 'zdjsxm', name: '重大建设项目', parent: null, article: art20('十') },
  { code: 'ggfw', name: '公共服务', parent: null, article: art20('十一') },
  { code: 'yjgl', name: '应急管理', parent: null, article: art20('十二') },
  { code: 'jdjc', name: '监督检查', parent: null, article: art20('十三') },
  { code: 'rsxx', name: '人事信息', parent: null, article: art20('十四') },
  { code: 'zcjd', name: '政策解读', parent: null },
  { code: 'gzdt', name: '工作动态', parent: null },
  { code: 'ndbg', name: '年度报告', parent: null, article: '第四十九条' },
];

export const isLeaf = (categories: readonly Category[], code: string) =>
  !categories.some((c) => c.parent === code);

export function findCategory(categories: readonly Category[], code: string): Category | undefined {
  return categories.find((c) => c.code === code);
}

/** The category and its ancestors, outermost first (for breadcrumbs). */
export function categoryPath(categories: readonly Category[], code: string): Category[] {
  const path: Category[] = [];
  for (
    let c = findCategory(categories, code);
    c;
    c = c.parent ? findCategory(categories, c.parent) : undefined
  ) {
    if (path.includes(c)) break;
    path.unshift(c);
  }
  return path;
}

/** The codes of a category and all its descendants (browsing a parent lists its children's items). */
export function descendantCodes(categories: readonly Category[], code: string): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++)
    for (const c of categories) if (c.parent === out[i] && !out.includes(c.code)) out.push(c.code);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an agency's category list: codes well-formed and unique, names present, parents existing, no cycles,
 * normative kinds valid. Returns the normalised list or every problem, each naming the entry.
 */
export function validateCategories(
  input: unknown,
): { ok: true; categories: Category[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(input) || input.length === 0) return { ok: false, errors: ['分类列表不能为空'] };
  const errors: string[] = [];
  const categories: Category[] = [];
  input.forEach((entry: unknown, i) => {
    const at = `第 ${i + 1} 个分类`;
    if (!isRecord(entry)) return void errors.push(`${at}应为对象`);
    const { code, name, parent, article, normative } = entry;
    if (typeof code !== 'string' || !/^[a-z0-9][a-z0-9-]{0,31}$/.test(code))
      errors.push(`${at}的代码（code）只能由小写字母、数字和“-”组成，最多 32 位`);
    if (typeof name !== 'string' || !name.trim() || name.length > 40)
      errors.push(`${at}的名称（name）不能为空，最多 40 个字`);
    if (parent !== null && parent !== undefined && typeof parent !== 'string')
      errors.push(`${at}的上级分类（parent）应为分类代码或空`);
    if (
      normative !== undefined &&
      normative !== null &&
      normative !== 'rules' &&
      normative !== 'normative_documents'
    )
      errors.push(
        `${at}的规范性文件类型（normative）只能是 rules（规章）或 normative_documents（行政规范性文件）`,
      );
    if (typeof code === 'string' && typeof name === 'string')
      categories.push({
        code,
        name: name.trim(),
        parent: typeof parent === 'string' && parent ? parent : null,
        ...(typeof article === 'string' && article.trim() ? { article: article.trim() } : {}),
        ...(normative === 'rules' || normative === 'normative_documents' ? { normative } : {}),
      });
  });
  const codes = new Set<string>();
  for (const c of categories) {
    if (codes.has(c.code)) errors.push(`分类代码“${c.code}”重复`);
    codes.add(c.code);
  }
  for (const c of categories) {
    if (c.parent && !codes.has(c.parent)) errors.push(`分类“${c.name}”的上级分类“${c.parent}”不存在`);
    if (cyclic(categories, c)) errors.push(`分类“${c.name}”的上级关系形成循环`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, categories };
}

function cyclic(categories: readonly Category[], start: Category): boolean {
  const seen = new Set<string>();
  for (let c: Category | undefined = start; c?.parent; c = findCategory(categories, c.parent)) {
    if (seen.has(c.code)) return true;
    seen.add(c.code);
  }
  return false;
}
