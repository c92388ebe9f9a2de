import { describe, expect, it } from 'vitest';
import { reportTemplate, SECTION_HEADINGS } from '../../domain/report/index.ts';
import { narrativeBlocks, reportSections } from './narrative.ts';

describe('narrativeBlocks', () => {
  const cases: [string, ReturnType<typeof narrativeBlocks>][] = [
    ['', []],
    ['\n  \n', []],
    [
      '一段。\n\n　　二段。',
      [
        { kind: 'paragraph', lead: '', text: '一段。' },
        { kind: 'paragraph', lead: '', text: '二段。' },
      ],
    ],
    ['（一）主动公开情况', [{ kind: 'heading', text: '（一）主动公开情况' }]],
    ['（二）依申请公开情况。', [{ kind: 'heading', text: '（二）依申请公开情况。' }]],
    [
      '（三）政府信息管理。本年度修订制度3项。',
      [{ kind: 'paragraph', lead: '（三）政府信息管理。', text: '本年度修订制度3项。' }],
    ],
    [
      '（十二）' + '很长的标题'.repeat(8) + '。正文',
      [{ kind: 'paragraph', lead: '', text: '（十二）' + '很长的标题'.repeat(8) + '。正文' }],
    ],
    ['(一) 半角括号不算标题', [{ kind: 'paragraph', lead: '', text: '(一) 半角括号不算标题' }]],
  ];
  for (const [text, blocks] of cases)
    it(JSON.stringify(text), () => expect(narrativeBlocks(text)).toEqual(blocks));
});

describe('reportSections', () => {
  it('six sections in statutory order; tables in 二, 三, 四; prose of each from the narrative', () => {
    const report = reportTemplate(2022);
    report.narrative = { overview: '总体', problems: '问题', other: '', requests: '申请说明' };
    const sections = reportSections(report);
    expect(sections.map((s) => s.heading)).toEqual([...SECTION_HEADINGS]);
    expect(sections.map((s) => s.table?.table ?? null)).toEqual([
      null,
      'active',
      'requests',
      'appeals',
      null,
      null,
    ]);
    expect(sections.map((s) => s.blocks.map((b) => b.kind === 'paragraph' && b.text))).toEqual([
      ['总体'],
      [],
      ['申请说明'],
      [],
      ['问题'],
      [],
    ]);
  });
});
