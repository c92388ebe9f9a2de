import { describe, expect, it } from 'vitest';
import { emptyReport, setCell } from '../report/model.ts';
import { validateReport } from '../report/validate/index.ts';
import { reportGaps, summariseGaps } from './completeness.ts';
import { PLACEHOLDER } from './narrative-template.ts';
import { decideReportAction, reportActionOptions } from './transitions.ts';

const NARRATIVE = { overview: '本年度工作情况如下。', problems: '存在不足。', other: '无。' };

/** A 2021 report with every cell 0 and a finished narrative: nothing missing. */
function finished() {
  const r = emptyReport('2021', 0);
  r.agency = '某区卫生健康局';
  r.year = 2025;
  r.narrative = { ...NARRATIVE };
  return r;
}

describe('what a report still misses (issue 12 point 7)', () => {
  it('finds nothing in a finished report', () => {
    const r = finished();
    expect(reportGaps(r, validateReport(r))).toEqual([]);
  });

  it('lists each 〔待填〕 with its context, empty sections, blank cells per table and blocking errors', () => {
    const r = finished();
    r.narrative = {
      overview: `作出行政许可决定${PLACEHOLDER}件，行政处罚决定${PLACEHOLDER}件。`,
      problems: '  ',
      other: '无。',
    };
    setCell(r, 'active', 'licensing', 'decisions', null);
    setCell(r, 'appeals', 'reconsideration', 'upheld', null);
    setCell(r, 'requests', 'new_received', 'natural', 5); // breaks the 总计 identity: an error
    const gaps = reportGaps(r, validateReport(r));
    expect(gaps.map((g) => g.kind)).toEqual(
      expect.arrayContaining(['placeholder', 'empty_section', 'blank_cell', 'blank_cell', 'error']),
    );
    expect(gaps.find((g) => g.kind === 'placeholder')!.message).toBe(
      '正文“一、总体情况”还有 2 处〔待填〕：作出行政许可决定〔待填〕件，行政…；…〔待填〕件，行政处罚决定〔待填〕件。',
    );
    expect(gaps.find((g) => g.kind === 'empty_section')!.message).toBe(
      '正文“五、存在的主要问题及改进情况”尚未填写',
    );
    expect(gaps.filter((g) => g.kind === 'blank_cell').map((g) => g.where)).toEqual([
      'active.licensing.decisions',
      'appeals.reconsideration.upheld',
    ]);
    const lines = summariseGaps(gaps);
    expect(lines).toContain('表二有 1 个空白单元格（数量为零应填写“0”）：“行政许可”行“本年处理决定数量”列');
    expect(lines.some((l) => l.startsWith('表四有 1 个空白单元格'))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });

  it('blocks submit, clear, publish and erratum while anything is missing, listing it', () => {
    const missing = ['表二有 1 个空白单元格'];
    for (const [action, status, relation] of [
      ['submit', 'draft', 'own'],
      ['clear', 'submitted', 'ancestor'],
      ['publish', 'cleared', 'own'],
      ['erratum', 'published', 'own'],
    ] as const) {
      const d = decideReportAction(
        action,
        { roles: ['head', 'supervisor'], relation },
        { status, hasSupervisor: true, blockingErrors: 0, missing, comment: '通过', reason: '更正' },
      );
      expect(d.ok ? null : d.error).toMatchObject({
        code: 'invalid_state',
        field: 'report',
        details: { missing },
        message: '年度报告尚未完成，不能报送、审核通过或公开：（1）表二有 1 个空白单元格',
      });
    }
  });

  it('warns before the year has ended: submission needs the acknowledgement, and the button says so', () => {
    const facts = { status: 'draft' as const, hasSupervisor: true, blockingErrors: 0, yearEnded: false };
    const early = decideReportAction('submit', { roles: ['head'], relation: 'own' }, facts);
    expect(early.ok ? null : early.error).toMatchObject({ code: 'invalid_state', field: 'acknowledgeEarly' });
    expect(
      decideReportAction(
        'submit',
        { roles: ['head'], relation: 'own' },
        { ...facts, earlyAcknowledged: true },
      ),
    ).toEqual({ ok: true, to: 'submitted' });
    const option = reportActionOptions({ roles: ['head'], relation: 'own' }, facts).find(
      (o) => o.action === 'submit',
    )!;
    expect(option).toMatchObject({ allowed: true });
    expect(option.warning).toMatch(/^报告年度尚未结束/);
  });

  it('clearing takes a 审核意见', () => {
    const d = decideReportAction(
      'clear',
      { roles: ['supervisor'], relation: 'ancestor' },
      { status: 'submitted', hasSupervisor: true, blockingErrors: 0, comment: ' ' },
    );
    expect(d.ok ? null : d.error).toMatchObject({ code: 'validation', field: 'comment' });
  });
});
