import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/context.ts';
import { DIALECTS } from '../../../test/support/databases.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import { agencyWithStaff, publishThroughReview } from '../../../test/support/fixtures.ts';
import type { TestServer } from '../../../test/support/server.ts';
import { startTestServer } from '../../../test/support/server.ts';
import type { ItemInput } from '../../domain/catalog/index.ts';
import { tokenText } from '../../domain/catalog/index.ts';
import { AppError } from '../../domain/errors.ts';
import { actOnItem } from '../../services/catalog/review.service.ts';
import { updateSettings } from '../../services/staff.service.ts';
import { findItem, insertItem } from '../../persistence/repositories/catalog-item.repository.ts';

const squash = (html: string) => html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');

/** Search quality (#14 point 4): traditional = simplified, synonyms, did-you-mean, highlighting, filters. */
describe.each(DIALECTS)('portal search on %s', (dialect) => {
  let t: TestServer;
  let staff: Record<'handler' | 'reviewer' | 'head' | 'admin', Staff>;
  let agencyId = 0;
  const search = async (query: string) =>
    squash((await t.server.inject({ method: 'GET', url: `/search?${query}` })).body);

  const publish = (input: ItemInput) => publishThroughReview(t.app.ctx, staff, agencyId, input);

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: new TestClock(new Date('2026-03-10T02:00:00Z')).now });
    const x = await agencyWithStaff(t.app.ctx, 'SQ', '某区卫生健康委员会');
    staff = x.staff as typeof staff;
    agencyId = x.agency.id;
    await publish({
      title: '关于加强医疗机构管理的通知',
      publisher: '某局',
      docNumber: '某卫发〔2026〕12号',
      categoryCode: 'gfxwj',
      body: '各医疗机构：现就有关事项通知如下。',
    });
    await publish({
      title: '2025年部门预算公开',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '本部门预算情况。',
    });
    await publish({
      title: '2024年部门决算公开',
      publisher: '某局',
      docNumber: '某卫发〔2025〕3号',
      categoryCode: 'gzdt',
      body: '决算说明。',
    });
  });
  afterAll(() => t?.close());

  it('finds with traditional characters what the simplified ones find, highlighted', async () => {
    const simplified = await search(`q=${encodeURIComponent('医疗机构')}`);
    const traditional = await search(`q=${encodeURIComponent('醫療機構')}`);
    expect(simplified).toContain('找到 1 条');
    expect(traditional).toContain('找到 1 条');
    expect(traditional).toContain('<mark>医疗机构</mark>');
  });

  it('marks a title written in traditional characters for the simplified query that found it', async () => {
    await publish({
      title: '關於職業病防護檢查的通知',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '職業病防護設備檢查。',
    });
    const found = await search(`q=${encodeURIComponent('职业病防护')}`);
    expect(found).toContain('找到 1 条');
    expect(found).toContain('關於<mark>職業病防護</mark>檢查的通知');
  });

  it('expands the synonyms of the agency list (预决算 → 预算 决算), which is checked when saved', async () => {
    expect(await search(`q=${encodeURIComponent('预决算')}`)).toContain('没有找到');
    await updateSettings(t.app.ctx, staff.admin, agencyId, {
      settings: { searchSynonyms: ['预决算 = 预算 决算'] },
    });
    const found = await search(`q=${encodeURIComponent('预决算')}`);
    expect(found).toContain('找到 2 条');
    expect(found).toContain('<mark>预算</mark>');
    expect(found).toContain('<mark>决算</mark>');
    const refused = await updateSettings(t.app.ctx, staff.admin, agencyId, {
      settings: { searchSynonyms: ['预决算 = 预算 决算', '没有等号'] },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).field).toBe('settings.searchSynonyms');
    expect((refused as AppError).message).toContain('第 2 行“没有等号”');
  });

  it('suggests the words that do match when nothing matches, and filters by 文号, category and year', async () => {
    const none = await search(`q=${encodeURIComponent('医疗机构 火星基地')}`);
    expect(none).toContain('没有找到');
    expect(none).toMatch(
      /您是不是要找：<a href="\/search\?q=%E5%8C%BB%E7%96%97\+%E6%9C%BA%E6%9E%84[^"]*" >医疗 机构<\/a/,
    );
    expect(
      await search(`q=${encodeURIComponent('公开')}&docNumber=${encodeURIComponent('〔2025〕')}`),
    ).toContain('找到 1 条');
    expect(await search(`q=${encodeURIComponent('公开')}&docNumber=${encodeURIComponent('100%')}`)).toContain(
      '没有找到',
    );
    expect(await search(`q=${encodeURIComponent('公开')}&category=gzdt`)).toContain('找到 2 条');
    expect(await search(`q=${encodeURIComponent('公开')}&category=gzdt&year=2026`)).toContain('找到 2 条');
    expect(await search(`q=${encodeURIComponent('公开')}&category=gzdt&year=2025`)).toContain('没有找到');
  });

  it('ranks titles holding the words first, lists by date when asked, and keeps the index in step with 废止', async () => {
    const titled = await publish({
      title: '医疗废物处置管理规定',
      publisher: '某局',
      categoryCode: 'gfxwj',
      writtenOn: '2026-03-01',
      body: '处置要求。',
    });
    await publish({
      title: '关于做好年底有关工作的通知',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '加强医疗废物的收集和转运。',
    });
    const order = (html: string) => {
      const a = html.indexOf('处置管理规定');
      const b = html.indexOf('关于做好年底有关工作的通知');
      expect(a).toBeGreaterThan(-1);
      expect(b).toBeGreaterThan(-1);
      return a < b ? 'title first' : 'newest first';
    };
    const q = `q=${encodeURIComponent('医疗废物')}`;
    expect(await search(q)).toContain('找到 2 条');
    expect(order(await search(q))).toBe('title first');
    expect(order(await search(`${q}&sort=date`))).toBe('newest first');

    expect(await search(`${q}&validity=repealed`)).toContain('没有找到');
    await actOnItem(t.app.ctx, staff.head, titled, 'repeal', { reason: '已被新规定替代' });
    expect(await search(`${q}&validity=repealed`)).toContain('找到 1 条');
    expect(await search(`${q}&validity=valid`)).toContain('找到 1 条');
    expect(await search(q)).toContain('找到 2 条');
  });
  it('counts a page to the end of its ranking window: "200 条以上" and the next page; at 1,000 no further', async () => {
    const base = (await findItem(
      t.app.ctx.database.db,
      await publish({ title: '巡查样本', publisher: '某局', categoryCode: 'gzdt', body: '巡查。' }),
    ))!;
    await t.app.ctx.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1010; i++) {
        const title = `第${i}号巡查`;
        await insertItem(
          trx,
          { ...base, title, indexNumber: `XC-${i}`, publishedOn: '2026-01-05' },
          tokenText(title, base.summary, base.body),
        );
      }
    });
    const q = `q=${encodeURIComponent('巡查')}`;
    const first = await search(q);
    expect(first).toContain('找到 200 条以上与“巡查”相关的信息。');
    expect(first).not.toContain('只列出前');
    expect(first).toContain('共 10 页以上');
    expect(first).toContain(
      '<a href="/search?q=%E5%B7%A1%E6%9F%A5&amp;sort=relevance&amp;page=2" rel="next">下一页</a>',
    );
    const tenth = await search(`${q}&page=10`);
    expect(tenth).toContain(
      '<a href="/search?q=%E5%B7%A1%E6%9F%A5&amp;sort=relevance&amp;page=11" rel="next">下一页</a>',
    );
    expect(await search(`${q}&page=11`)).toContain('找到 400 条以上');
    const last = await search(`${q}&page=41`);
    expect(last).toContain(
      '找到 1000 条以上与“巡查”相关的信息（只列出前 1000 条，可加关键词或筛选条件缩小范围）。',
    );
    expect(last).toContain('共 50 页');
    expect(last).not.toContain('页以上');
    const fifty = await search(`${q}&page=50`);
    expect(fifty).toContain('<ol class="results" start="981">');
    expect(fifty).not.toContain('rel="next"');
  });
});
