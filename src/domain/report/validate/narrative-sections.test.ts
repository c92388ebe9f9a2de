import { describe, expect, it } from 'vitest';
import { emptyReport, setCell } from '../index.ts';
import type { AnnualReport } from '../index.ts';
import { checkNarrative } from './narrative.ts';

function report(narrative: Partial<AnnualReport['narrative']> & object, format: '2019' | '2021' = '2021') {
  const r = emptyReport(format, 0);
  setCell(r, 'requests', 'granted', 'total', 120);
  setCell(r, 'requests', 'partially_granted', 'total', 11);
  setCell(r, 'requests', 'unable_not_held', 'total', 60);
  setCell(r, 'requests', 'unable_needs_creation', 'total', 6);
  setCell(r, 'requests', 'not_handled_repeat', 'total', 12);
  setCell(r, 'appeals', 'reconsideration', 'pending', 1);
  setCell(r, 'appeals', 'reconsideration', 'total', 1);
  r.narrative = {
    overview: '',
    problems: '一是公开不够及时。',
    other: '本年度未收取信息处理费。',
    ...narrative,
  };
  return r;
}
const codes = (r: AnnualReport) =>
  checkNarrative(r).map((f) => `${f.code} ${f.location.column ?? f.location.row}`);

describe('narrative checks a reader makes (#13 point 7)', () => {
  it('予以公开及部分公开, 无法提供, 不予处理: the figures agree with table 三', () => {
    expect(codes(report({ overview: '予以公开及部分公开131件，无法提供66件，不予处理12件。' }))).toEqual([]);
    expect(codes(report({ overview: '予以公开及部分公开130件，无法提供60件，不予处理2件。' }))).toEqual([
      'narrative.mismatch granted_or_partial',
      'narrative.mismatch unable',
      'narrative.mismatch not_handled',
    ]);
  });

  it('“均获维持” while table 四 shows a case not yet decided', () => {
    const f = checkNarrative(report({ appeals: '本年度行政复议案件均获维持。' }));
    expect(f.map((x) => x.code)).toEqual(['narrative.all_upheld']);
    expect(f[0]!.message).toContain('尚未审结 1 件');
  });

  it('section 五 empty or “无”; a 2021-format 六 without 信息处理费', () => {
    expect(codes(report({ problems: '无。', other: '无。' }))).toEqual([
      'narrative.problems_empty problems',
      'narrative.fee_missing other',
    ]);
    expect(codes(report({ problems: '无', other: '无' }, '2019'))).toEqual([
      'narrative.problems_empty problems',
    ]);
  });

  it('no false alarm on numbers about other things: a 公报 publishing “规范性文件等112件”', () => {
    expect(codes(report({ overview: '编印政府公报12期，刊登规章、规范性文件等112件。' }))).toEqual([]);
  });

  it('no check against a table whose cells were not read', () => {
    const r = report({ overview: '无法提供99件。' });
    r.missing = ['requests.unable_not_held.total'];
    expect(codes(r)).toEqual([]);
  });
});
