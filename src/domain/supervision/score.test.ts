import { describe, expect, it } from 'vitest';
import { emptyFigures } from './performance.ts';
import type { Figures } from './performance.ts';
import { rankWithMinimum } from './ranking.ts';
import { compositeScore, DEFAULT_SCORE_WEIGHTS, scoreParts } from './score.ts';
import { checkSupervisionSettings, supervisionSettingsOf } from './settings.ts';

const figures = (change: Partial<Figures>): Figures => ({ ...emptyFigures(true), ...change });

describe('the composite 考核 score', () => {
  it('scores each measure 0–100 from its source', () => {
    const parts = scoreParts({
      figures: figures({
        replied: 8,
        onTime: 6,
        reconsiderationDecided: 3,
        reconsiderationCorrected: 1,
        litigationDecided: 1,
        litigationLost: 0,
        itemsPublished: 40,
        itemsLate: 4,
      }),
      timeliness: 'on_time',
      errors: 2,
    });
    expect(parts).toEqual({
      onTimeSubmission: 100,
      tableConsistency: 60,
      replyTimeliness: 75,
      appealCorrection: 75,
      proactiveTimeliness: 90,
    });
    // 20×100 + 20×60 + 30×75 + 15×75 + 15×90 = 7925 → 79.3
    expect(compositeScore(parts, DEFAULT_SCORE_WEIGHTS)).toBe(79.3);
  });

  it('gives 0 for 逾期, 逾期未报送 and 提前报送 (never 按时报送), and no part while the report is not due', () => {
    for (const t of ['late', 'overdue', 'early'] as const)
      expect(scoreParts({ figures: figures({}), timeliness: t, errors: 0 }).onTimeSubmission).toBe(0);
    const open = scoreParts({ figures: figures({}), timeliness: 'open', errors: null });
    expect(open).toMatchObject({ onTimeSubmission: null, tableConsistency: null, replyTimeliness: null });
    // no case decided: nothing corrected — when there were replies; an idle agency is not scored on it
    expect(open.appealCorrection).toBeNull();
    expect(compositeScore(open, DEFAULT_SCORE_WEIGHTS)).toBeNull();
    expect(
      scoreParts({ figures: figures({ replied: 1, onTime: 1 }), timeliness: 'open', errors: null })
        .appealCorrection,
    ).toBe(100);
    expect(scoreParts({ figures: figures({}), timeliness: 'on_time', errors: 9 }).tableConsistency).toBe(0);
  });

  it('leaves out the parts without a value and scales the weights of the others up to 100', () => {
    const parts = {
      onTimeSubmission: null,
      tableConsistency: null,
      replyTimeliness: 80,
      appealCorrection: 100,
      proactiveTimeliness: null,
    };
    // (30×80 + 15×100) ÷ 45 = 86.7
    expect(compositeScore(parts, DEFAULT_SCORE_WEIGHTS)).toBe(86.7);
    expect(
      compositeScore(parts, {
        ...DEFAULT_SCORE_WEIGHTS,
        replyTimeliness: 0,
        appealCorrection: 0,
        onTimeSubmission: 100,
        tableConsistency: 0,
        proactiveTimeliness: 0,
      }),
    ).toBeNull();
  });
});

describe('the minimum volume', () => {
  it('lists agencies below it apart, with their value but no rank; 0 ranks everyone', () => {
    const rows = [
      { id: 1, received: 12, v: 80 },
      { id: 2, received: 3, v: 100 },
      { id: 3, received: 5, v: 90 },
      { id: 4, received: 40, v: 90 },
    ];
    const ranked = rankWithMinimum(
      rows,
      (r) => r.received,
      5,
      (r) => r.v,
      'higher',
    );
    expect(ranked.map((r) => [r.id, r.rank, r.value, r.belowMinimum])).toEqual([
      [3, 1, 90, false],
      [4, 1, 90, false],
      [1, 3, 80, false],
      [2, null, 100, true],
    ]);
    expect(
      rankWithMinimum(
        rows,
        (r) => r.received,
        0,
        (r) => r.v,
        'higher',
      )[0]!.id,
    ).toBe(2);
  });
});

describe('the office’s ranking settings', () => {
  it('keeps valid weights and minimum, defaults otherwise', () => {
    const s = checkSupervisionSettings({
      rankMinimum: 10,
      scoreWeights: { ...DEFAULT_SCORE_WEIGHTS, replyTimeliness: 40, proactiveTimeliness: 5 },
    });
    expect(s.rankMinimum).toBe(10);
    expect(s.scoreWeights.replyTimeliness).toBe(40);
    expect(supervisionSettingsOf({ supervision: s })).toEqual(s);
    expect(
      supervisionSettingsOf({ supervision: { scoreWeights: { replyTimeliness: 200 } } }).scoreWeights,
    ).toEqual(DEFAULT_SCORE_WEIGHTS);
    expect(supervisionSettingsOf({}).rankMinimum).toBe(5);
  });

  it.each([
    [
      { scoreWeights: { ...DEFAULT_SCORE_WEIGHTS, replyTimeliness: -5 } },
      'supervision.scoreWeights.replyTimeliness',
      /“答复及时率”的权重应为 0 到 100 的整数/,
    ],
    [
      { scoreWeights: { ...DEFAULT_SCORE_WEIGHTS, appealCorrection: 2.5 } },
      'supervision.scoreWeights.appealCorrection',
      /“复议诉讼纠错率”的权重/,
    ],
    [
      { scoreWeights: { ...DEFAULT_SCORE_WEIGHTS, onTimeSubmission: 10 } },
      'supervision.scoreWeights',
      /考核权重合计应为 100，现为 90/,
    ],
    [
      { scoreWeights: { ...DEFAULT_SCORE_WEIGHTS, speed: 0 } },
      'supervision.scoreWeights.speed',
      /没有“speed”这一指标/,
    ],
    [{ rankMinimum: -1 }, 'supervision.rankMinimum', /参与排名的最低申请量/],
    [
      { columnStaleMonths: { budget: 0 } },
      'supervision.columnStaleMonths.budget',
      /“财政预决算”的更新周期应为 1 到 120/,
    ],
    [{ columnStaleMonths: { news: 3 } }, 'supervision.columnStaleMonths.news', /没有“news”这一法定栏目/],
  ])('refuses %j naming the field', (input, field, message) => {
    expect(() => checkSupervisionSettings(input as never)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });
});
