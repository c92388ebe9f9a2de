import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { applicantTypeLabel, APPLICANT_TYPES } from './applicant.ts';
import { channelFromLabel, receiptDate } from './channel.ts';

describe('date of receipt (条例 Art. 31)', () => {
  const recorded = { submittedOn: '2026-09-22', signedForOn: '2026-09-23', confirmedOn: '2026-09-24' };
  it.each([
    ['in_person', null, '2026-09-22', '条例第三十一条第（一）项'],
    ['mail', 'registered', '2026-09-23', '条例第三十一条第（二）项'],
    ['mail', null, '2026-09-23', '条例第三十一条第（二）项'],
    ['mail', 'ordinary', '2026-09-24', '条例第三十一条第（二）项'],
    ['online', null, '2026-09-24', '条例第三十一条第（三）项'],
    ['fax', null, '2026-09-24', '条例第三十一条第（三）项'],
    ['other', null, '2026-09-24', null],
  ] as const)('%s (%s) → %s', (channel, mailKind, date, article) => {
    expect(receiptDate({ channel, mailKind, ...recorded })).toMatchObject({ date, article });
  });

  it('says which date is missing', () => {
    expect(() => receiptDate({ channel: 'online', submittedOn: '2026-09-22' })).toThrow(
      '通过互联网渠道提交的，以双方确认之日为收到申请之日，请填写有效的确认日期（YYYY-MM-DD）',
    );
    try {
      receiptDate({ channel: 'mail', confirmedOn: '2026-09-22' });
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('receipt.signedForOn');
    }
  });

  it('reads channel labels', () => {
    expect(['当面', '邮寄', '网络', '传真', '其他', '电话'].map(channelFromLabel)).toEqual([
      'in_person',
      'mail',
      'online',
      'fax',
      'other',
      null,
    ]);
  });
});

describe('applicant types', () => {
  it('are the table 三 columns without 总计, labelled from the table', () => {
    expect(APPLICANT_TYPES).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other']);
    expect(applicantTypeLabel('natural')).toBe('自然人');
    expect(applicantTypeLabel('legal')).toBe('法人或其他组织（法律服务机构）');
  });
});
