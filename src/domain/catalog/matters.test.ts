import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/index.ts';
import { BUNDLED_SCHEDULES } from '../calendar/index.ts';
import { matterCoverage } from './coverage.ts';
import { interpretationRefusal, interpretationState } from './interpretation.ts';
import { checkKindFields, PLAIN_KIND } from './item-kind.ts';
import { HEALTH_STARTER_MATTERS } from './matters-health.ts';
import { matterRowsToInputs, matterToRow } from './matters-sheet.ts';
import { checkMatterInput, dueUnder, MATTER_COLUMNS, publicationPeriod } from './matters.ts';

const calendar = createWorkingCalendar(BUNDLED_SCHEDULES);

describe('the 公开时限 of a 事项', () => {
  it.each([
    ['信息形成或变更之日起20个工作日内', { unit: 'working_days', count: 20, source: 'matter' }],
    ['作出行政许可决定之日起7个工作日内', { unit: 'working_days', count: 7, source: 'matter' }],
    ['自作出决定之日起七个工作日内', { unit: 'working_days', count: 7, source: 'matter' }],
    ['批复后二十日内', { unit: 'days', count: 20, source: 'matter' }],
    ['经财政部门批复后20日内', { unit: 'days', count: 20, source: 'matter' }],
    ['及时发布', { unit: 'working_days', count: 20, source: 'art26' }],
    ['常态公开', { unit: 'working_days', count: 20, source: 'art26' }],
  ])('%s', (text, expected) => expect(publicationPeriod(text)).toEqual(expected));

  it('drives the deadline: 7 WD over 清明 2026, 20 calendar days moved off a weekend', () => {
    // 2026-04-01 (Wed) + 7 WD: 04-02, 03, (04-04…06 holiday), 07, 08, 09, 10, 13
    expect(dueUnder(calendar, publicationPeriod('7个工作日内'), '2026-04-01').date).toBe('2026-04-13');
    // 2026-03-02 + 20 days = 03-22, a Sunday → Monday 03-23
    expect(dueUnder(calendar, publicationPeriod('批复后20日内'), '2026-03-02').date).toBe('2026-03-23');
    // Art. 26 default, as before
    expect(dueUnder(calendar, publicationPeriod(null), '2026-03-05').date).toBe('2026-04-02');
  });
});

describe('the starter set and the sheet', () => {
  it('every starter 事项 passes the checks and names are unique', () => {
    for (const m of HEALTH_STARTER_MATTERS) expect(checkMatterInput(m)).toEqual([]);
    const names = HEALTH_STARTER_MATTERS.map((m) => `${m.level1}/${m.level2}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('round-trips through sheet rows, merged 一级事项 cells carry down', () => {
    const header = { line: 1, cells: ['序号', ...MATTER_COLUMNS.map(([, l]) => l)] };
    const rows = HEALTH_STARTER_MATTERS.map((m, i) => ({
      line: i + 2,
      cells: [String(i + 1), ...matterToRow(m)],
    }));
    rows[1]!.cells[1] = ''; // merged with the row above
    const { matters, problems } = matterRowsToInputs([header, ...rows]);
    expect(problems).toEqual([]);
    expect(matters).toEqual(HEALTH_STARTER_MATTERS);
  });

  it('lists every problem with its row, nothing half-read', () => {
    const { problems } = matterRowsToInputs([
      { line: 1, cells: ['一级事项', '二级事项', '公开时限', '公开对象', '公开方式', '公开层级'] },
      { line: 2, cells: ['医疗服务', '', '20个工作日', '全社会', '主动公开', '县级'] },
      { line: 3, cells: ['医疗服务', '价格', '', '所有人', '公开', ''] },
    ]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'level2'],
      [3, 'audience'],
      [3, 'method'],
      [3, 'timeLimit'],
      [3, 'county'],
    ]);
    expect(problems[1]!.message).toBe('第 3 行“公开对象”应为全社会或特定群体（现为“所有人”）');
    expect(matterRowsToInputs([{ line: 1, cells: ['名称'] }]).problems[0]!.message).toMatch(/找不到表头/);
  });
});

describe('coverage of a year', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  const item = (
    id: number,
    matterId: number,
    publishedOn: string | null,
    due: string,
    state = 'published',
  ) => ({
    id,
    matterId,
    title: `信息${id}`,
    state: state as 'published',
    publishedOn,
    publicationDueOn: due,
  });
  it('covered, late, gap, standing from last year, overdue, on request', () => {
    const rows = matterCoverage(
      [
        { id: 1, method: 'proactive' },
        { id: 2, method: 'proactive' },
        { id: 3, method: 'proactive' },
        { id: 4, method: 'proactive' },
        { id: 5, method: 'proactive' },
        { id: 6, method: 'on_request' },
      ],
      [
        item(10, 1, '2026-02-01', '2026-02-10'),
        item(11, 2, '2026-02-20', '2026-02-10'),
        item(12, 4, '2025-05-01', '2025-05-20'),
        item(13, 5, null, '2026-03-01', 'in_review'),
        item(14, 5, '2025-03-01', '2025-03-05', 'repealed'),
      ],
      period,
      '2026-03-10',
    );
    expect(rows.map((r) => r.status)).toEqual(['covered', 'late', 'gap', 'covered', 'gap', 'on_request']);
    expect(rows[3]!.standing).toBe(1);
    expect(rows[4]!.overdue).toBe(1);
    expect(rows[4]!.items[0]!.flag).toBe('overdue');
  });
});

describe('政策解读 and 回应关切', () => {
  it('flags and, when required, blocks a 规范性文件 without its 解读', () => {
    expect(interpretationState(true, [])).toBe('missing');
    expect(interpretationState(false, [])).toBe('not_needed');
    expect(interpretationState(true, [{ state: 'in_review' }])).toBe('drafting');
    expect(interpretationState(true, [{ state: 'signed' }, { state: 'withdrawn' }])).toBe('ready');
    expect(interpretationRefusal('submit', 'missing', false)).toBeNull();
    expect(interpretationRefusal('submit', 'missing', true)).toMatch(/同步起草/);
    expect(interpretationRefusal('submit', 'drafting', true)).toBeNull();
    expect(interpretationRefusal('publish', 'drafting', true)).toMatch(/同步发布/);
    expect(interpretationRefusal('publish', 'ready', true)).toBeNull();
  });
  it('checks the kind fields, naming each', () => {
    expect(checkKindFields(PLAIN_KIND, null)).toEqual([]);
    const fields = (k: Partial<typeof PLAIN_KIND>) =>
      checkKindFields({ ...PLAIN_KIND, ...k }, '2026-03-01').map((p) => p.field);
    expect(fields({ kind: 'interpretation' })).toEqual(['interpretsItemId', 'interpretationForm']);
    expect(fields({ kind: 'interpretation', interpretsItemId: 3, interpretationForm: 'video' })).toEqual([
      'mediaUrl',
    ]);
    expect(
      fields({
        kind: 'interpretation',
        interpretsItemId: 3,
        interpretationForm: 'video',
        mediaUrl: 'javascript:x',
      }),
    ).toEqual(['mediaUrl']);
    expect(fields({ kind: 'response' })).toEqual(['concernSource', 'concernRaisedOn']);
    expect(fields({ kind: 'response', concernSource: '12345热线', concernRaisedOn: '2026-03-05' })).toEqual([
      'concernRaisedOn',
    ]);
    expect(fields({ concernSource: '网民留言' })).toEqual(['concernSource']);
  });
});
