import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentReportArb } from '../../../test/support/report-arbitrary.ts';
import type { AnnualReport } from '../report/index.ts';
import { getCell, quotedFigures, setCell, validateReport } from '../report/index.ts';
import type { NarrativeFacts } from './narrative-template.ts';
import { narrativeTemplate, PLACEHOLDER } from './narrative-template.ts';

const facts = (over: Partial<NarrativeFacts> = {}): NarrativeFacts => ({
  agencyName: '某市某区卫生健康局',
  government: false,
  proactiveItems: 120,
  replies: { sent: 40, late: 2 },
  fees: { notices: 1, paidYuan: 100 },
  corrected: 1,
  ...over,
});

const withNarrative = (report: AnnualReport, f = facts()) =>
  ({ ...report, narrative: narrativeTemplate(report, f) }) as AnnualReport;
const mismatches = (report: AnnualReport) =>
  validateReport(report).filter((f) => f.code === 'narrative.mismatch');

describe('narrative template', () => {
  it('quotes the tables’ own figures, which the narrative rule accepts (any consistent report, both formats)', () => {
    fc.assert(
      fc.property(consistentReportArb, fc.nat({ max: 500 }), fc.nat({ max: 20 }), (report, items, late) => {
        const filled = withNarrative(
          report,
          facts({ proactiveItems: items, replies: { sent: late * 3 + 1, late } }),
        );
        expect(mismatches(filled)).toEqual([]);
        const quoted = new Map(quotedFigures(filled.narrative!).map((q) => [q.claim, q.value]));
        expect(quoted.get('requests')).toBe(getCell(report, 'requests', 'new_received', 'total'));
        expect(quoted.get('penalty')).toBe(getCell(report, 'active', 'penalty', 'decisions'));
        expect(quoted.get('licensing')).toBe(getCell(report, 'active', 'licensing', 'decisions'));
        expect(quoted.get('reconsideration')).toBe(getCell(report, 'appeals', 'reconsideration', 'total'));
        expect(quoted.get('litigation')).toBe(
          getCell(report, 'appeals', 'litigation_direct', 'total')! +
            getCell(report, 'appeals', 'litigation_after_reconsideration', 'total')!,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('prints 〔待填〕 for a figure not entered yet, and quotes no number for it', () => {
    const report = fc.sample(consistentReportArb, { numRuns: 1, seed: 7 })[0]!;
    setCell(report, 'active', 'penalty', 'decisions', null);
    const filled = withNarrative(report);
    expect(filled.narrative!.overview).toContain(`行政处罚决定${PLACEHOLDER}件`);
    expect(quotedFigures(filled.narrative!).some((q) => q.claim === 'penalty')).toBe(false);
  });

  it('a number changed by hand that the tables do not give is flagged', () => {
    const report = fc.sample(consistentReportArb, { numRuns: 1, seed: 3 })[0]!;
    const filled = withNarrative(report);
    const wrong = getCell(report, 'requests', 'new_received', 'total')! + 1000;
    filled.narrative!.overview = filled.narrative!.overview.replace(
      /新收政府信息公开申请\d+件/,
      `新收政府信息公开申请${wrong}件`,
    );
    expect(mismatches(filled)).toMatchObject([
      { location: { row: 'overview', column: 'requests' }, actual: wrong },
    ]);
  });

  it('adds 工作考核、社会评议和责任追究 for a 人民政府, late replies, corrections and fees', () => {
    const report = fc.sample(consistentReportArb, { numRuns: 1, seed: 1 })[0]!;
    const gov = narrativeTemplate(report, facts({ government: true }));
    expect(gov.overview).toContain('绩效考核');
    expect(gov.problems).toContain('2件答复超过法定期限');
    expect(gov.problems).toContain('纠正的案件1件');
    expect(gov.other).toContain('收取信息处理费100元');
    const quiet = narrativeTemplate(
      report,
      facts({ replies: { sent: 0, late: 0 }, corrected: 0, fees: { notices: 0, paidYuan: 0 } }),
    );
    expect(quiet.overview).not.toContain('绩效考核');
    expect(quiet.problems).not.toContain('超过法定期限');
    expect(quiet.other).toBe('本年度未收取信息处理费。无其他需要报告的事项。');
  });
});
