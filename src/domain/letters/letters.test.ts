import { describe, expect, it } from 'vitest';
import { feeFor, nthApplicationFee, perPageFee } from '../application/fees.ts';
import { registered } from '../application/lifecycle.fixture.ts';
import { AppError } from '../errors.ts';
import { yuanInWords } from './amount-in-words.ts';
import { chineseDate } from './common.ts';
import { letterContent } from './content.ts';
import type { LetterDocument } from './document.ts';
import { letterText } from './document.ts';
import { letterInput, organisationApplication, run } from './letters.fixture.ts';

const ORGANISATION = {
  name: '某科技有限公司',
  type: 'commercial' as const,
  contactPerson: '李四',
  address: '某市某路8号',
};
const parts = (doc: LetterDocument, part: string) =>
  doc.paragraphs
    .flatMap((p) => p.segments)
    .filter((s) => s.locked && s.part === part)
    .map((s) => s.text);

describe('补正告知书 (Art. 30)', () => {
  const points = [
    '请写明所需信息的名称、文号或者其他特征性描述',
    '请说明所需信息的时间范围；',
    '请提供身份证明。',
  ];
  const a = run(organisationApplication(), [
    ['2026-09-28', { type: 'request_correction', points, periodDays: 15 }],
  ]);
  const doc = letterContent('correction', letterInput(a, { applicant: ORGANISATION }));
  const text = letterText(doc);

  it('lists every point, once, in order', () => {
    expect(parts(doc, 'points')).toEqual([
      '1.请写明所需信息的名称、文号或者其他特征性描述；',
      '2.请说明所需信息的时间范围；',
      '3.请提供身份证明。',
    ]);
    expect(text).toContain('现一次性告知你单位需要补正的事项如下：');
  });

  it('states the period from service — no date counted from the issue day — the restart and abandonment', () => {
    expect(a.deadlines.correctionResponse).toBeNull(); // 待送达: the period has not started
    expect(text).toContain('补正期限为15个工作日，自你单位收到本告知书之次日起计算。');
    expect(text).not.toContain('截至');
    expect(text).toContain('答复期限自本机关收到你单位补正的申请之日起计算。');
    expect(text).toContain('你单位无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十条');
  });

  it('states both items asked for with their 文号', () => {
    expect(text).toContain(
      '申请获取以下政府信息：1.“某区2025年度医疗机构校验结果”；2.“关于某医院设置审批的批复”（文号：某卫审〔2025〕8号）。',
    );
  });

  it('has no remedies paragraph (a procedural notice) and no warning on a scheduled year', () => {
    expect(parts(doc, 'remedies')).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('a notice past 7 WD (the office insisted) does not promise a restart of the reply period', () => {
    const late = run(registered('2026-09-24'), [
      [
        '2026-10-20',
        { type: 'request_correction', points: ['请写明名称'], periodDays: 15, lateReason: '申请人要求补充' },
      ],
    ]);
    const d = letterContent('correction', letterInput(late));
    expect(letterText(d)).not.toContain('答复期限自本机关收到');
    expect(d.warnings).toEqual(['本告知书晚于收到申请之日起7个工作日（条例第三十条），答复期限不重新计算']);
  });

  it('refuses an application without a 补正 notice', () => {
    expect(() => letterContent('correction', letterInput(registered()))).toThrowError(/申请没有补正告知记录/);
  });
});

describe('延期答复告知书 (Art. 33 ¶2)', () => {
  const accepted = run(registered('2026-09-24'), [['2026-09-25', { type: 'accept' }]]);

  it('shows the reason, the days and the new due date', () => {
    const a = run(accepted, [
      ['2026-10-20', { type: 'extend', days: 15, reason: '所需信息需调取归档案卷。' }],
    ]);
    const text = letterText(letterContent('extension', letterInput(a)));
    expect(text).toContain('因所需信息需调取归档案卷，本机关不能在20个工作日内作出答复。');
    expect(text).toContain('经本机关政府信息公开工作机构负责人同意，答复期限延长15个工作日。');
    expect(text).toContain(`延长后的答复期限截至${chineseDate(a.deadlines.reply!.date)}。`);
    // 20 WD from 2026-09-24 (中秋 9-25–9-27 and 国庆 off, 10-10 worked) → 10-29; + 15 WD → 11-19
    expect(a.deadlines.reply!.date).toBe('2026-11-19');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十三条第二款');
    expect(text).not.toContain('第三十三条第三款');
  });

  it('says consultation time is not counted when there was a consultation', () => {
    const a = run(accepted, [
      ['2026-09-28', { type: 'start_consultation', kind: 'other_agency', party: '某市某区市场监督管理局' }],
      ['2026-10-12', { type: 'end_consultation' }],
      ['2026-10-20', { type: 'extend', days: 20, reason: '涉及多个部门' }],
    ]);
    const text = letterText(letterContent('extension', letterInput(a)));
    expect(text).toContain('本机关征求第三方和其他机关意见所需时间不计算在答复期限内');
    expect(text).toContain(`延长后的答复期限截至${chineseDate(a.deadlines.reply!.date)}。`);
  });

  it('refuses an application that was not extended', () => {
    expect(() => letterContent('extension', letterInput(accepted))).toThrowError(AppError);
  });
});

describe('征求意见函 (Art. 32, 34)', () => {
  const accepted = run(organisationApplication(), [['2026-09-25', { type: 'accept' }]]);

  it('to a third party: the information, 15 WD, what silence and objection mean; the applicant is not named', () => {
    const a = run(accepted, [
      ['2026-09-28', { type: 'start_consultation', kind: 'third_party', party: '某医疗管理有限公司' }],
    ]);
    const doc = letterContent('consultation', letterInput(a, { applicant: ORGANISATION }));
    const text = letterText(doc);
    expect(doc.title).toBe('政府信息公开第三方意见征询函');
    expect(doc.addressee).toBe('某医疗管理有限公司');
    expect(text).toContain('“关于某医院设置审批的批复”（文号：某卫审〔2025〕8号）');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十二条');
    expect(text).toContain('请你方自收到本函之日起15个工作日内提出意见');
    expect(text).toContain(
      '你方逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开',
    );
    expect(text).toContain('你方不同意公开且有合理理由的，本机关不予公开');
    expect(text).not.toContain(ORGANISATION.name);
    expect(text).not.toContain('查询码');
    expect(doc.deliverTo).toBeNull();
  });

  it('to another agency: Art. 34, silence is consent; an earlier consultation can be chosen', () => {
    const a = run(accepted, [
      ['2026-09-28', { type: 'start_consultation', kind: 'other_agency', party: '某市某区市场监督管理局' }],
      ['2026-10-09', { type: 'end_consultation' }],
      ['2026-10-12', { type: 'start_consultation', kind: 'third_party', party: '某医疗管理有限公司' }],
    ]);
    const doc = letterContent('consultation', letterInput(a, { consultation: 0 }));
    expect(doc.title).toBe('政府信息公开征求意见函');
    expect(doc.addressee).toBe('某市某区市场监督管理局');
    expect(letterText(doc)).toContain(
      '第三十四条的规定，现征求你单位意见。请你单位自收到本函之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。',
    );
    expect(letterContent('consultation', letterInput(a)).addressee).toBe('某医疗管理有限公司');
    expect(() => letterContent('consultation', letterInput(a, { consultation: 5 }))).toThrowError(
      /没有第 6 次征求意见/,
    );
  });
});

describe('收费通知书 (国办函〔2020〕109号)', () => {
  const accepted = run(registered('2026-09-24'), [['2026-09-25', { type: 'accept' }]]);
  const feeLetterFor = (assessment: ReturnType<typeof perPageFee>) => {
    const a = run(accepted, [['2026-09-28', { type: 'issue_fee_notice', assessment }]]);
    return { a, doc: letterContent('fee', letterInput(a)) };
  };

  it('35 applications in a month → 3000元, band by band', () => {
    const { a, doc } = feeLetterFor(feeFor('per_application', 35));
    const text = letterText(doc);
    expect(text).toContain('计收方式：按件计收。');
    expect(text).toContain('你本自然月内累计提出政府信息公开申请35件。');
    expect(parts(doc, 'fee')).toEqual(
      expect.arrayContaining([
        '第1—10件：10件，免费；',
        '第11—30件：20件 × 100元/件 = 2000元；',
        '第31—35件：5件 × 200元/件 = 1000元。',
        '应缴纳信息处理费合计3000元（大写：叁仟元整）。',
      ]),
    );
    // the sentence and the date agree: the period runs from receipt (service), so no date counted from issue
    expect(a.deadlines.feePayment).toBeNull();
    expect(text).toContain('请你自收到本通知书之次日起20个工作日内缴纳。');
    expect(text).not.toContain('缴费期限截至');
    expect(text).toContain('你逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。');
    expect(text).toContain(
      '《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    );
  });

  it('150 pages → 1700元', () => {
    const { doc } = feeLetterFor(feeFor('per_page', 150));
    expect(parts(doc, 'fee')).toEqual(
      expect.arrayContaining([
        '第31—100页：70页 × 10元/页 = 700元；',
        '第101—150页：50页 × 20元/页 = 1000元。',
        '应缴纳信息处理费合计1700元（大写：壹仟柒佰元整）。',
      ]),
    );
    expect(letterText(doc)).toContain('按量计收的收费标准为：30页以下（含30页）的，不收费');
  });

  it('a per-application notice for the 31st application of the month', () => {
    const { doc } = feeLetterFor(nthApplicationFee(31));
    const text = letterText(doc);
    expect(text).toContain('本申请为你本自然月内提出的第31件政府信息公开申请。');
    expect(text).toContain('合计200元（大写：贰佰元整）');
  });

  it('states the pause of the reply clock only when the notice paused it', () => {
    const { a, doc } = feeLetterFor(perPageFee(150));
    expect(letterText(doc)).toContain('答复期限暂停计算');
    const notPausing = { ...a, fee: { ...a.fee!, pausesClock: false } };
    expect(letterText(letterContent('fee', letterInput(notPausing)))).not.toContain('暂停计算');
  });
});

describe('input checks', () => {
  it('lists every problem, naming the first field', () => {
    const a = registered();
    try {
      letterContent('reply', letterInput(a, { number: ' ', date: '2026-02-30', trackingCode: '' }));
      expect.unreachable();
    } catch (error) {
      const e = error as AppError;
      expect(e.code).toBe('validation');
      expect(e.field).toBe('number');
      expect((e.details as { field: string }[]).map((d) => d.field)).toEqual([
        'number',
        'date',
        'trackingCode',
      ]);
      expect(e.message).toContain('不能生成政府信息公开申请答复告知书');
    }
  });
});

describe('amounts in capitals', () => {
  it.each([
    [0, '零元整'],
    [10, '壹拾元整'],
    [200, '贰佰元整'],
    [1700, '壹仟柒佰元整'],
    [2050, '贰仟零伍拾元整'],
    [3000, '叁仟元整'],
    [10_001, '壹万零壹元整'],
    [100_500, '壹拾万零伍佰元整'],
    [1_000_000, '壹佰万元整'],
    [100_000_000, '壹亿元整'],
    [1_002_003_004, '壹拾亿零贰佰万叁仟零肆元整'],
  ])('%i → %s', (amount, words) => expect(yuanInWords(amount)).toBe(words));

  it('rejects fractions and negatives', () => {
    expect(() => yuanInWords(1.5)).toThrowError(RangeError);
    expect(() => yuanInWords(-1)).toThrowError(RangeError);
  });
});
