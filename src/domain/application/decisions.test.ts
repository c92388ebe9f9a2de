import { describe, expect, it } from 'vitest';
import { REQUEST_ROWS_2019, resultRows } from '../report/table3.ts';
import { citeAll, fullCitation } from './citations.ts';
import type { Decision, Outcome } from './decisions.ts';
import {
  checkDecision,
  legalBasis,
  OUTCOME_RULES,
  OUTCOMES,
  outcomeLabel,
  outcomeShortLabel,
  reportRow,
} from './decisions.ts';

const decision = (outcome: Outcome, more: Partial<Decision> = {}): Decision => ({
  outcome,
  replyType: null,
  exemption: null,
  reasons: null,
  responsibleAgency: null,
  ...more,
});

describe('the outcome catalogue', () => {
  it('is exactly the 21 result rows of the 2021 table 三, in order', () => {
    expect(OUTCOMES).toEqual(resultRows('2021').map((r) => r.key));
    expect(OUTCOMES).toHaveLength(21);
    expect(Object.keys(OUTCOME_RULES).sort()).toEqual([...OUTCOMES].sort());
  });

  it('derives labels from the statutory row text', () => {
    expect(outcomeLabel('granted')).toBe('（一）予以公开');
    expect(outcomeLabel('partially_granted')).toBe(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    );
    expect(outcomeLabel('denied_three_safeties')).toBe('（三）不予公开 3.危及“三安全一稳定”');
    expect(outcomeLabel('other_no_correction')).toBe(
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    );
    expect(outcomeShortLabel('unable_needs_creation')).toBe('（四）2 另行制作');
  });

  it('requires an exemption and 复议前置 exactly for 不予公开 and the withheld part of 部分公开', () => {
    const withExemption = OUTCOMES.filter((o) => OUTCOME_RULES[o].exemptionRequired);
    expect(withExemption).toEqual(['partially_granted', ...OUTCOMES.filter((o) => o.startsWith('denied_'))]);
    expect(OUTCOMES.filter((o) => OUTCOME_RULES[o].reconsiderationFirst)).toEqual(withExemption);
    expect(withExemption).toHaveLength(9);
  });

  it('maps the three （六） outcomes onto （六）其他处理 in the 2019 layout and keeps the rest', () => {
    const rows2019 = new Set(REQUEST_ROWS_2019.map((r) => r.key));
    for (const o of OUTCOMES) {
      expect(reportRow(o, '2021')).toBe(o);
      expect(rows2019.has(reportRow(o, '2019'))).toBe(true);
    }
    expect(
      ['other_no_correction', 'other_no_fee', 'other_other'].map((o) => reportRow(o as Outcome, '2019')),
    ).toEqual(['other_handling', 'other_handling', 'other_handling']);
  });

  it.each([
    [decision('granted', { replyType: 'already_public' }), ['条例第三十六条第（一）项']],
    [
      decision('partially_granted', { replyType: 'separated' }),
      ['条例第三十六条第（二）项', '条例第三十六条第（三）项', '条例第三十七条'],
    ],
    [
      decision('denied_third_party', { replyType: 'withheld' }),
      ['条例第十五条', '条例第三十二条', '条例第三十六条第（三）项'],
    ],
    [decision('unable_not_held', { replyType: 'not_responsible' }), ['条例第三十六条第（五）项']],
    [decision('denied_inquiry_matter', { replyType: 'special_route' }), ['条例第三十六条第（七）项']],
    [decision('not_handled_massive'), ['条例第三十五条']],
    [decision('other_no_fee'), ['条例第四十二条', '国办函〔2020〕109号']],
  ])('cites the legal basis of %o', (d, articles) => {
    expect(legalBasis(d)).toEqual(articles);
  });

  it('expands citations for letters, naming each law once', () => {
    expect(fullCitation('条例第十四条')).toBe('《中华人民共和国政府信息公开条例》第十四条');
    expect(citeAll(legalBasis(decision('denied_third_party', { replyType: 'withheld' })))).toBe(
      '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
    );
    expect(citeAll(['条例第四十二条', '国办函〔2020〕109号'])).toBe(
      '《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    );
  });
});

describe('checkDecision', () => {
  it('accepts complete decisions', () => {
    expect(checkDecision(decision('granted', { replyType: 'disclosed' }))).toEqual([]);
    expect(
      checkDecision(
        decision('denied_process_info', {
          replyType: 'withheld',
          exemption: '内部讨论记录',
          reasons: '过程性信息',
        }),
      ),
    ).toEqual([]);
    expect(checkDecision(decision('not_handled_petition', { reasons: '属于投诉' }))).toEqual([]);
  });

  it('names every missing or wrong part', () => {
    expect(checkDecision(decision('denied_state_secret')).map((p) => p.field)).toEqual([
      'decision.replyType',
      'decision.exemption',
      'decision.reasons',
    ]);
    expect(checkDecision(decision('unable_not_held', { replyType: 'withheld', reasons: '无' }))).toEqual([
      {
        field: 'decision.replyType',
        message:
          '“（四）无法提供 1.本机关不掌握相关政府信息”的答复类型应为：经检索没有所申请公开信息，告知该政府信息不存在（条例第三十六条第（四）项）；或不属于本机关负责公开，告知并说明理由，能够确定的告知负责公开的机关（条例第三十六条第（五）项）',
      },
    ]);
    expect(
      checkDecision(decision('unable_needs_creation', { replyType: 'withheld', reasons: '需加工' })),
    ).toEqual([
      {
        field: 'decision.replyType',
        message: '“（四）无法提供 2.没有现成信息需要另行制作”不适用条例第三十六条的答复类型',
      },
    ]);
    expect(checkDecision(decision('nonsense' as Outcome))[0]?.field).toBe('decision.outcome');
  });
});
