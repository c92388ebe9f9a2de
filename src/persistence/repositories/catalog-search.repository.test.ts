import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { testContext } from '../../../test/support/context.ts';
import type { InformationItem } from '../../domain/catalog/index.ts';
import { PUBLIC_STATES, queryTokens, tokenText } from '../../domain/catalog/index.ts';
import { createItem } from '../../services/catalog/item.service.ts';
import { createAgency } from '../../services/staff.service.ts';
import { findItem, insertItem } from './catalog-item.repository.ts';
import type { SearchQuery } from './catalog-search.repository.ts';
import { COUNT_CAP, RANK_WINDOW, searchItemIds } from './catalog-search.repository.ts';

/**
 * The search's count and ranking windows (#14 point 2): a page counts to the end of its ranking window (one
 * match more says "more"), at most COUNT_CAP; both databases rank the same items in the same order.
 */
describe.each(DIALECTS)('catalog search windows on %s', (dialect) => {
  let database: TestDatabase;
  let agencyId = 0;
  /** the items, newest first (published_on desc, id desc): the index's order */
  let items: { id: number; title: string; docNumber: string | null; state: string }[] = [];
  const ITEMS = COUNT_CAP + 10;
  const FEW = 450;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { ctx } = testContext(database);
    const agency = await createAgency(ctx, 'system', {
      code: 'WIN',
      name: '某区卫生健康委员会',
      kind: 'department',
    });
    agencyId = agency.id;
    const draft = await createItem(
      ctx,
      { kind: 'staff', userId: 1, agencyId, roles: ['handler'], name: 'h' },
      agencyId,
      { title: '草稿', publisher: '某局', categoryCode: 'gzdt', body: '正文。' },
    );
    const base = (await findItem(database.db, draft.id))!;
    const inserted: {
      id: number;
      title: string;
      docNumber: string | null;
      state: string;
      publishedOn: string;
    }[] = [];
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ITEMS; i++) {
        // every item is a 巡查 one; FEW of them are also a 通报; some titles hold both words (ranked first)
        const title = i < FEW ? (i % 7 === 0 ? `巡查通报第${i}号` : `第${i}号通报`) : `第${i}号巡查`;
        const body = i < FEW ? '巡查情况通报如下。' : '巡查情况。';
        const docNumber = i % 3 === 0 ? `某卫发〔2026〕${i}号` : null;
        // a few items share a day: ties within a day go by id, newest (highest) first
        const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(i * 0.9))).toISOString().slice(0, 10);
        const item: Omit<InformationItem, 'id'> = {
          ...base,
          title,
          body,
          docNumber,
          indexNumber: `WIN-${i}`,
          state: i % 11 === 0 ? 'expired' : 'published',
          publishedOn: day,
        };
        const row = await insertItem(trx, item, tokenText(title, docNumber, item.summary, body));
        inserted.push({ id: row.id, title, docNumber, state: item.state, publishedOn: day });
      }
    });
    items = inserted.sort((a, b) =>
      a.publishedOn === b.publishedOn ? b.id - a.id : a.publishedOn < b.publishedOn ? 1 : -1,
    );
  });
  afterAll(() => database?.destroy());

  const query = (q: string, offset: number, extra: Partial<SearchQuery> = {}): SearchQuery => ({
    agencyId,
    tokens: queryTokens(q),
    states: PUBLIC_STATES,
    sort: 'relevance',
    limit: 20,
    offset,
    ...extra,
  });

  /** The page the plan promises: the window of the matches in date order, ranked by its titles' words. */
  function expected(matches: typeof items, words: string[], offset: number) {
    const window = Math.floor(offset / RANK_WINDOW) * RANK_WINDOW;
    const score = (title: string) => words.filter((w) => title.includes(w)).length;
    return matches
      .slice(window, window + RANK_WINDOW)
      .map((m, i) => ({ id: m.id, score: score(m.title), i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(offset - window, offset - window + 20)
      .map((m) => m.id);
  }

  it('counts to the end of the page’s window, says there are more, and ranks the window', async () => {
    const few = items.filter((m) => m.title.includes('通报'));
    expect(few).toHaveLength(FEW);
    // [offset, count, more]: pages 1–10 count to 200, pages 11–20 to 400, page 21 and on to all FEW (450)
    const pages: [number, number, boolean][] = [
      [0, 200, true],
      [40, 200, true],
      [180, 200, true],
      [200, 400, true],
      [420, 450, false],
      [440, 450, false],
    ];
    for (const [offset, total, more] of pages) {
      const found = await searchItemIds(database.db, dialect, query('通报 巡查', offset));
      expect(found.total, `offset ${offset}`).toBe(total);
      expect(found.more, `offset ${offset}`).toBe(more);
      expect(found.ids, `offset ${offset}`).toEqual(expected(few, ['通报', '巡查'], offset));
    }
    // a page past the last match: the count of every match, no ids
    const past = await searchItemIds(database.db, dialect, query('通报', 600));
    expect(past).toEqual({ total: FEW, more: false, ids: [] });
  });

  it('stops at COUNT_CAP: the last window counts to it and says there are more', async () => {
    const first = await searchItemIds(database.db, dialect, query('巡查', 0));
    expect(first).toMatchObject({ total: RANK_WINDOW, more: true });
    expect(first.ids).toEqual(expected(items, ['巡查'], 0));
    const last = await searchItemIds(database.db, dialect, query('巡查', COUNT_CAP - 20));
    expect(last).toMatchObject({ total: COUNT_CAP, more: true });
    expect(last.ids).toEqual(expected(items, ['巡查'], COUNT_CAP - 20));
  });

  it('pages in date order, and filters by state and 文号 within the same windows', async () => {
    const byDate = await searchItemIds(database.db, dialect, query('巡查', 220, { sort: 'date' }));
    expect(byDate).toMatchObject({ total: 2 * RANK_WINDOW, more: true });
    expect(byDate.ids).toEqual(items.slice(220, 240).map((m) => m.id));
    const withNumber = items.filter((m) => m.docNumber?.includes('〔2026〕'));
    const numbered = await searchItemIds(database.db, dialect, query('巡查', 0, { docNumber: '〔2026〕' }));
    expect(numbered).toMatchObject({ total: RANK_WINDOW, more: true });
    expect(numbered.ids).toEqual(expected(withNumber, ['巡查'], 0));
    const numberedLast = await searchItemIds(
      database.db,
      dialect,
      query('巡查', 320, { docNumber: '〔2026〕', sort: 'date' }),
    );
    expect(numberedLast).toMatchObject({ total: withNumber.length, more: false });
    expect(numberedLast.ids).toEqual(withNumber.slice(320, 340).map((m) => m.id));
    const expired = items.filter((m) => m.state === 'expired');
    const onlyExpired = await searchItemIds(database.db, dialect, query('巡查', 0, { states: ['expired'] }));
    expect(onlyExpired).toMatchObject({ total: expired.length, more: false });
    expect(onlyExpired.ids).toEqual(expected(expired, ['巡查'], 0));
  });
});
