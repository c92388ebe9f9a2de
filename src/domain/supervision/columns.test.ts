import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../catalog/categories.ts';
import type { CategoryCount } from './columns.ts';
import {
  checkColumns,
  columnCutoffs,
  monthsBefore,
  servingCategories,
  STATUTORY_COLUMNS,
  staleMonthsOf,
} from './columns.ts';

const TODAY = '2026-02-10';
const column = (key: string) => STATUTORY_COLUMNS.find((c) => c.key === key)!;

describe('the 法定栏目 check', () => {
  it('lists the first-level columns of 国办公开办函〔2019〕61号 and the Art. 20 items, each with its basis', () => {
    expect(STATUTORY_COLUMNS.map((c) => c.label)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法规文件（规章、规范性文件）',
      '机构职能',
      '规划计划',
      '统计信息',
      '行政许可',
      '行政处罚、行政强制',
      '财政预决算',
      '行政事业性收费',
      '政府采购',
      '重大建设项目',
      '公共服务',
      '应急管理',
      '监督检查',
      '人事信息',
      '政府信息公开年报',
    ]);
    expect(column('functions').basis).toBe('条例第二十条第（二）项');
    expect(column('budget').basis).toBe('条例第二十条第（七）项');
    // every Art. 20 column is served by one of the seeded default categories
    for (const c of STATUTORY_COLUMNS.filter((c) => c.group === '法定主动公开内容'))
      expect(servingCategories(c, DEFAULT_CATEGORIES).length, c.label).toBeGreaterThan(0);
    expect(servingCategories(column('documents'), DEFAULT_CATEGORIES)).toEqual([
      'fgwj',
      'gz',
      'gfxwj',
      'qtwj',
    ]);
    expect(servingCategories(column('rules'), DEFAULT_CATEGORIES)).toEqual([]);
  });

  it('counts months back to the same day, or the month’s last day', () => {
    expect(monthsBefore('2026-02-10', 3)).toBe('2025-11-10');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-02-10', 15)).toBe('2024-11-10');
    expect(columnCutoffs(TODAY, staleMonthsOf({}))).toEqual(
      expect.arrayContaining(['2025-02-10', '2025-08-10', '2025-11-10', '2024-11-10', '2023-02-10']),
    );
  });

  it('tells not set up, empty, stale and current apart, with the counts behind each', () => {
    const months = staleMonthsOf({ licensing: 1 });
    const cutoffs = columnCutoffs(TODAY, months);
    // the counts SQL returns, from the publication dates of a category's items
    const count = (category: string, dates: string[]): CategoryCount => ({
      agencyId: 1,
      category,
      total: dates.length,
      lastOn: dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null),
      since: Object.fromEntries(cutoffs.map((c) => [c, dates.filter((d) => d >= c).length])),
    });
    const [result] = checkColumns({
      today: TODAY,
      staleMonths: { licensing: 1 },
      agencies: [{ agencyId: 1, categories: DEFAULT_CATEGORIES }],
      counts: [
        count('jgzn', ['2024-05-01', '2024-12-01', '2025-12-20']),
        count('gz', ['2024-01-02', '2024-03-01']),
        count('gfxwj', ['2025-10-01']),
        // 1 month for 行政许可: the latest, on 5 January, is too old
        count('xzxk', ['2025-06-01', '2025-09-01', '2025-12-01', '2026-01-05']),
      ],
      reports: [{ ...count('', ['2024-01-25', '2025-01-20']), category: '' }],
    });
    const state = (key: string) => result!.columns.find((c) => c.key === key)!;
    expect(state('guide')).toMatchObject({ state: 'generated', stateLabel: '系统生成' });
    expect(state('rules')).toMatchObject({ state: 'missing', stateLabel: '未设栏目', total: 0 });
    expect(state('functions')).toMatchObject({ state: 'current', total: 3, recent: 1, lastOn: '2025-12-20' });
    // 规章 and 行政规范性文件 together: 2 older than 12 months, 1 within
    expect(state('documents')).toMatchObject({ state: 'current', total: 3, recent: 1, lastOn: '2025-10-01' });
    expect(state('licensing')).toMatchObject({
      state: 'stale',
      staleMonths: 1,
      since: '2026-01-10',
      total: 4,
    });
    expect(state('plans')).toMatchObject({ state: 'empty', stateLabel: '空栏目', total: 0 });
    expect(state('annual')).toMatchObject({ state: 'current', total: 2, recent: 1, lastOn: '2025-01-20' });
    expect(state('annual').since).toBe('2024-11-10');
    expect(result!.counts).toMatchObject({ missing: 1, generated: 1, current: 3, stale: 1 });
    expect(Object.values(result!.counts).reduce((a, b) => a + b, 0)).toBe(STATUTORY_COLUMNS.length);
  });

  it('finds an agency’s own categories by article or name, and the published reports without a category', () => {
    const [result] = checkColumns({
      today: TODAY,
      staleMonths: {},
      agencies: [
        {
          agencyId: 7,
          categories: [
            { code: 'zd', name: '政府信息公开制度', parent: null },
            { code: 'jg', name: '本局概况', parent: null, article: '第二十条第（二）项' },
          ],
        },
      ],
      counts: [{ agencyId: 7, category: 'zd', total: 1, lastOn: '2025-06-01', since: { '2023-02-10': 1 } }],
      reports: [{ agencyId: 7, category: '', total: 1, lastOn: '2025-03-01', since: { '2024-11-10': 1 } }],
    });
    const state = (key: string) => result!.columns.find((c) => c.key === key)!;
    expect(state('rules')).toMatchObject({ state: 'current', categories: ['zd'] });
    expect(state('functions')).toMatchObject({ state: 'empty', categories: ['jg'] });
    expect(state('annual')).toMatchObject({ state: 'current', categories: [], total: 1 });
    expect(state('budget').state).toBe('missing');
  });
});
