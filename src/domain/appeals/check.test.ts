import { describe, expect, it } from 'vitest';
import type { AppealInput } from './check.ts';
import { checkAppealInput } from './check.ts';

const valid: AppealInput = {
  applicationId: null,
  kind: 'reconsideration',
  body: '某市某区人民政府',
  caseNumber: '某区府复〔2025〕3号',
  filedOn: '2025-03-01',
  decidedOn: null,
  result: null,
  note: null,
};
const fields = (input: Partial<AppealInput>) =>
  checkAppealInput({ ...valid, ...input }, '2025-06-30').map((p) => p.field);

describe('checkAppealInput', () => {
  it('accepts a pending and a decided case', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ decidedOn: '2025-05-01', result: 'corrected' })).toEqual([]);
  });
  it('names the field of every problem, in Chinese', () => {
    expect(fields({ kind: 'appeal' as never, body: ' ', caseNumber: '' })).toEqual([
      'kind',
      'body',
      'caseNumber',
    ]);
    expect(fields({ filedOn: '2025-02-30' })).toEqual(['filedOn']);
    expect(fields({ filedOn: '2025-07-01' })).toEqual(['filedOn']);
    expect(fields({ decidedOn: '2025-02-01', result: 'upheld' })).toEqual(['decidedOn']);
    expect(fields({ decidedOn: '2025-05-01' })).toEqual(['result']);
    expect(fields({ result: 'upheld' })).toEqual(['decidedOn']);
    expect(fields({ decidedOn: '2025-05-01', result: 'pending' as never })).toEqual(['result']);
    const [problem] = checkAppealInput({ ...valid, kind: 'litigation_direct', body: '' }, '2025-06-30');
    expect(problem!.message).toBe('须填写人民法院');
  });
});
