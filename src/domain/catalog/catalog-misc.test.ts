import { describe, expect, it } from 'vitest';
import { categoryPath, DEFAULT_CATEGORIES, descendantCodes, validateCategories } from './categories.ts';
import { highlight, snippet } from './highlight.ts';
import { toSimplified } from './simplified.ts';
import { formatIndexNumber, parseIndexScheme } from './index-number.ts';
import { checkItemInput } from './item.ts';
import { queryTokens, tokenText } from './search-text.ts';

describe('索引号 schemes', () => {
  it('formats the default scheme', () => {
    const parsed = parseIndexScheme('{机构代码}/{年份}-{流水号:5}');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(
      formatIndexNumber(parsed.scheme, {
        agencyCode: '11010500',
        year: 2026,
        categoryCode: 'gzdt',
        serial: 42,
      }),
    ).toBe('11010500/2026-00042');
    expect(parsed.scheme.perYear).toBe(true);
  });

  it('supports a category field and a serial that never restarts', () => {
    const parsed = parseIndexScheme('{机构代码}-{分类代码}-{流水号:7}');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.scheme.perYear).toBe(false);
    expect(
      formatIndexNumber(parsed.scheme, { agencyCode: 'WJW', year: 2026, categoryCode: 'gfxwj', serial: 3 }),
    ).toBe('WJW-gfxwj-0000003');
  });

  it.each([
    ['{机构代码}/{年份}', '恰好包含一个'],
    ['{机构代码}/{流水号:5}-{流水号:3}', '恰好包含一个'],
    ['{机关}/{流水号}', '无法识别'],
    ['{机构代码} {流水号}', '分隔符'],
    ['{年份:4}-{流水号}', '不能指定位数'],
  ])('rejects %s', (scheme, message) => {
    const parsed = parseIndexScheme(scheme);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('catalog categories', () => {
  it('has the defaults with the 条例 Art. 20 items and the normative kinds', () => {
    expect(validateCategories(DEFAULT_CATEGORIES)).toMatchObject({ ok: true });
    expect(categoryPath(DEFAULT_CATEGORIES, 'gfxwj').map((c) => c.name)).toEqual([
      '法规文件',
      '行政规范性文件',
    ]);
    expect(descendantCodes(DEFAULT_CATEGORIES, 'fgwj')).toEqual(['fgwj', 'gz', 'gfxwj', 'qtwj']);
    expect(DEFAULT_CATEGORIES.filter((c) => c.normative).map((c) => c.name)).toEqual([
      '规章',
      '行政规范性文件',
    ]);
  });

  it('rejects duplicates, missing parents and cycles', () => {
    const result = validateCategories([
      { code: 'a', name: '甲', parent: 'b' },
      { code: 'b', name: '乙', parent: 'a' },
      { code: 'a', name: '丙', parent: null },
      { code: 'c', name: '丁', parent: 'zz' },
      { code: 'Bad Code', name: '', parent: null },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('分类代码“a”重复');
      expect(result.errors).toContain('分类“丁”的上级分类“zz”不存在');
      expect(result.errors.some((e) => e.includes('循环'))).toBe(true);
      expect(result.errors.some((e) => e.startsWith('第 5 个分类的代码'))).toBe(true);
    }
  });
});

describe('item fields', () => {
  it('names every problem field', () => {
    const problems = checkItemInput(
      {
        title: ' ',
        publisher: '某局',
        categoryCode: 'fgwj',
        writtenOn: '2026-02-30',
        changedOn: '2026-01-01',
      },
      DEFAULT_CATEGORIES,
    );
    expect(problems.map((p) => p.field)).toEqual(['title', 'writtenOn', 'categoryCode']);
    expect(problems[2]!.message).toContain('请选择具体的子分类');
  });
});

describe('Chinese search text', () => {
  it('segments into word tokens, folds full-width and case', () => {
    const tokens = tokenText('关于印发《行政规范性文件管理办法》的通知', 'ＡＢＣ１２３');
    expect(tokens.split(' ')).toEqual(expect.arrayContaining(['关于', '通知', '管理', '办法', 'abc123']));
    expect(tokens).not.toMatch(/[《》]/);
  });

  it('segments a query the same way as the text it should find', () => {
    const text = tokenText('关于加强医疗机构药品采购管理的通知').split(' ');
    for (const t of queryTokens('医疗机构 药品采购')) expect(text).toContain(t);
  });

  it('highlights whole terms and words, not single characters of a longer query', () => {
    const query = '药品采购';
    const segments = highlight('关于药品采购的通知和药品说明', query, queryTokens(query));
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['药品采购', '药品']);
    expect(segments.map((s) => s.text).join('')).toBe('关于药品采购的通知和药品说明');
  });

  it('marks traditional characters in a text for a simplified query, and the reverse, keeping the text as written', () => {
    const simplified = highlight('關於加強醫療機構管理的通知', '医疗机构', queryTokens('医疗机构'));
    expect(simplified.filter((s) => s.hit).map((s) => s.text)).toEqual(['醫療機構']);
    expect(simplified.map((s) => s.text).join('')).toBe('關於加強醫療機構管理的通知');
    const traditional = highlight('关于加强医疗机构管理的通知', '醫療機構', queryTokens('醫療機構'));
    expect(traditional.filter((s) => s.hit).map((s) => s.text)).toEqual(['医疗机构']);
    const body = '前言。'.repeat(60) + '這裡提到藥品採購的具體要求。' + '结语。'.repeat(60);
    expect(snippet(body, '药品采购', queryTokens('药品采购'), 40)).toContain('藥品採購');
  });

  it('folds traditional characters one for one', () => {
    expect(toSimplified('醫療衛生機構 ABC 𠀀')).toBe('医疗卫生机构 ABC 𠀀');
    expect(toSimplified('没有繁体字')).toBe('没有繁体字');
  });

  it('cuts a snippet around the first match', () => {
    const body = '前言。'.repeat(60) + '这里提到药品采购的具体要求。' + '结语。'.repeat(60);
    const s = snippet(body, '药品采购', queryTokens('药品采购'), 40);
    expect(s).toContain('药品采购');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
  });
});
