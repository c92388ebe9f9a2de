import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { OUTCOMES } from './decisions.ts';
import { reconsiderationBody, remedies } from './remedies.ts';

describe('remedies (行政复议法 2023, 行政诉讼法)', () => {
  it('sends a department’s applicant to the 本级人民政府, with 60 days or 6 months', () => {
    const r = remedies({ agencyKind: 'department', bodyName: '某市某区人民政府', outcome: 'granted' });
    expect(r).toEqual({
      body: 'same_level_government',
      bodyName: '某市某区人民政府',
      reconsiderationFirst: false,
      reconsiderationDays: 60,
      litigationMonths: 6,
      articles: ['行政复议法第二十条', '行政复议法第二十四条第一款第（一）项', '行政诉讼法第四十六条'],
      sentences: [
        '申请人如对本答复不服，可以自收到本告知书之日起60日内向某市某区人民政府申请行政复议，也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。',
      ],
    });
  });

  it('requires reconsideration first after 不予公开 (Art. 23)', () => {
    const r = remedies({
      agencyKind: 'department',
      bodyName: '某市某区人民政府',
      outcome: 'denied_process_info',
    });
    expect(r.reconsiderationFirst).toBe(true);
    expect(r.litigationMonths).toBeNull();
    expect(r.articles).toContain('行政复议法第二十三条第一款第（四）项');
    expect(r.sentences).toEqual([
      '根据《中华人民共和国行政复议法》第二十三条的规定，对本机关不予公开政府信息的决定不服的，应当先申请行政复议。',
      '申请人可以自收到本告知书之日起60日内向某市某区人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。',
    ]);
    expect(r.sentences.join('')).not.toContain('6个月');
  });

  it('sends a vertically-led body’s applicant to the 上一级主管部门 (Art. 27) only', () => {
    const r = remedies({
      agencyKind: 'vertical',
      bodyName: '国家税务总局某市税务局',
      outcome: 'unable_not_held',
    });
    expect(r.body).toBe('higher_department');
    expect(r.articles).toContain('行政复议法第二十七条');
    expect(r.sentences[0]).toContain('向国家税务总局某市税务局申请行政复议');
    for (const kind of ['department', 'office', 'government'] as const)
      expect(reconsiderationBody(kind).body).not.toBe('higher_department');
  });

  it('sends a government’s applicant one level up, and a provincial government reviews itself', () => {
    expect(reconsiderationBody('government')).toEqual({
      body: 'higher_government',
      article: '行政复议法第二十四条第一款第（二）项',
    });
    expect(reconsiderationBody('government', true)).toEqual({
      body: 'self',
      article: '行政复议法第二十四条第二款',
    });
  });

  it('states 复议前置 for every 不予公开 outcome, （四）2 不予提供, and for no other outcome', () => {
    for (const outcome of OUTCOMES) {
      const r = remedies({ agencyKind: 'department', bodyName: '某区人民政府', outcome });
      const denial =
        outcome.startsWith('denied_') ||
        outcome === 'partially_granted' ||
        outcome === 'unable_needs_creation';
      expect(r.reconsiderationFirst, outcome).toBe(denial);
      expect(r.sentences.join('').includes('应当先申请行政复议'), outcome).toBe(denial);
    }
  });

  it('（四）2 另行制作: reconsideration first by default, both remedies when the agency’s setting says so', () => {
    const first = remedies({
      agencyKind: 'department',
      bodyName: '某区人民政府',
      outcome: 'unable_needs_creation',
    });
    expect(first.sentences[0]).toBe(
      '根据《中华人民共和国行政复议法》第二十三条的规定，对本机关不予提供政府信息的决定不服的，应当先申请行政复议。',
    );
    const both = remedies({
      agencyKind: 'department',
      bodyName: '某区人民政府',
      outcome: 'unable_needs_creation',
      needsCreationReconsiderationFirst: false,
    });
    expect(both.reconsiderationFirst).toBe(false);
    expect(both.litigationMonths).toBe(6);
  });

  it('needs the name of the body', () => {
    expect(() => remedies({ agencyKind: 'department', bodyName: ' ', outcome: 'granted' })).toThrow(AppError);
  });
});
