import { reconsiderationFirstFor } from '../application/remedies.ts';
import { describe, expect, it } from 'vitest';
import { legalBasis, OUTCOME_RULES, outcomeLabel, REPLY_TYPE } from '../application/decisions.ts';
import { AppError } from '../errors.ts';
import { letterContent } from './content.ts';
import { letterText, missingFills } from './document.ts';
import type { LetterDocument } from './document.ts';
import {
  closedWith,
  DEPARTMENT,
  DISTRICT_GOVERNMENT,
  letterInput,
  PROVINCE,
  REPLY_CASES,
  VERTICAL,
} from './letters.fixture.ts';
import { howToObtainDefault } from './reply-decision.ts';
import { paragraphText } from './segments.ts';

const caseName = (c: (typeof REPLY_CASES)[number]) =>
  `${outcomeLabel(c.outcome)}${c.replyType ? `（${REPLY_TYPE[c.replyType].article}）` : ''}`;

/** The locked text of the given parts, joined. */
const partText = (doc: LetterDocument, parts: readonly string[]) =>
  doc.paragraphs
    .flatMap((p) => p.segments)
    .filter((s) => s.locked && parts.includes(s.part))
    .map((s) => s.text)
    .join('');

/** The statutory words (条例 Art. 14–16, 30, 35–39, 42) each decision must state. */
const WORDS: Record<string, readonly string[]> = {
  'granted/already_public': ['已经主动公开', '获取该政府信息的方式、途径'],
  'granted/disclosed': ['属于可以公开的政府信息'],
  'partially_granted/separated': ['含有不应当公开或者不属于政府信息的内容，但是能够作区分处理'],
  'denied_state_secret/withheld': ['依法确定为国家秘密的政府信息'],
  'denied_prohibited_by_law/withheld': ['法律、行政法规禁止公开的政府信息'],
  'denied_three_safeties/withheld': ['公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息'],
  'denied_third_party/withheld': ['涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息'],
  'denied_internal_affairs/withheld': ['内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息'],
  'denied_process_info/withheld': ['讨论记录、过程稿、磋商信函、请示报告等过程性信息'],
  'denied_enforcement_file/withheld': ['行政执法案卷信息'],
  'denied_inquiry_matter/special_route': [
    '工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定',
    '依照有关法律、行政法规的规定办理',
  ],
  'unable_not_held/not_exist': ['经检索', '该政府信息不存在'],
  'unable_not_held/not_responsible': ['不属于本机关负责公开'],
  'unable_needs_creation/null': ['需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供'],
  'unable_still_unclear/null': ['补正后申请内容仍不明确'],
  'not_handled_petition/null': [
    '以政府信息公开申请的形式进行信访、投诉、举报等活动',
    '不作为政府信息公开申请处理',
  ],
  'not_handled_repeat/repeat': ['重复申请公开相同政府信息', '不予重复处理'],
  'not_handled_publication/null': ['政府公报、报刊、书籍等公开出版物', '获取的途径'],
  'not_handled_massive/null': ['数量、频次明显超过合理范围', '不予处理'],
  'not_handled_confirm/null': ['确认或者重新出具已获取的信息', '不予处理'],
  'other_no_correction/null': ['无正当理由逾期不补正', '视为放弃申请，本机关不再处理该政府信息公开申请'],
  'other_no_fee/null': ['逾期未缴纳信息处理费', '视为放弃申请，本机关不再处理该政府信息公开申请'],
  'other_other/null': ['本机关对你的申请处理如下'],
};

describe('a reply letter for every outcome', () => {
  for (const c of REPLY_CASES) {
    const rule = OUTCOME_RULES[c.outcome];
    describe(caseName(c), () => {
      const application = closedWith(c.outcome, c.replyType);
      const doc = letterContent('reply', letterInput(application));
      const text = letterText(doc);

      it('is an answer letter to the applicant with the 文号 and the application', () => {
        expect(doc.title).toBe('政府信息公开申请答复告知书');
        expect(doc.number).toBe('某卫依申〔2026〕12号');
        expect(doc.addressee).toBe('张三');
        expect(text).toContain('本机关于2026年9月24日收到你提出的政府信息公开申请（查询码：GK2026-000123）');
        expect(text).toContain('“2025年某项目环境影响评价批复”');
        expect(doc.closing).toMatchObject({
          agency: '某市某区卫生健康局',
          dateText: '2026年10月20日',
        });
        expect(text).not.toContain('印章');
      });

      it('states the decision in the words of the 条例', () => {
        const words = WORDS[`${c.outcome}/${c.replyType}`];
        expect(words).toBeDefined();
        for (const w of words!) expect(partText(doc, ['decision', 'facts', 'legal_basis'])).toContain(w);
      });

      it('cites each article of the decision', () => {
        const articles = legalBasis({ outcome: c.outcome, replyType: c.replyType });
        expect(articles.length > 0 || c.outcome === 'other_other').toBe(true);
        for (const article of articles) {
          const short = article.replace(/^条例/, '');
          expect(partText(doc, ['legal_basis'])).toContain(short);
        }
        if (articles.some((a) => a.startsWith('条例')))
          expect(partText(doc, ['legal_basis'])).toContain('《中华人民共和国政府信息公开条例》');
      });

      if (reconsiderationFirstFor(c.outcome))
        it('states 复议前置 and offers no direct suit', () => {
          const remedies = partText(doc, ['remedies']);
          expect(remedies).toContain('《中华人民共和国行政复议法》第二十三条');
          expect(remedies).toContain('应当先申请行政复议');
          expect(remedies).toContain('60日内向某市某区人民政府申请行政复议');
          expect(remedies).toContain('自收到行政复议决定书之日起15日内');
          expect(remedies).not.toContain('6个月');
          expect(remedies).not.toContain('也可以自收到本告知书之日起');
        });
      else
        it('offers reconsideration within 60 days or suit within 6 months', () => {
          const remedies = partText(doc, ['remedies']);
          expect(remedies).toContain('自收到本告知书之日起60日内向某市某区人民政府申请行政复议');
          expect(remedies).toContain('也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼');
          expect(remedies).not.toContain('应当先申请行政复议');
        });

      it('names the 本级人民政府 as a department’s reconsideration body, never the 上一级主管部门', () => {
        expect(partText(doc, ['remedies'])).toContain(
          '根据《中华人民共和国行政复议法》第二十四条第一款第（一）项的规定，本机关的行政复议机关为本级人民政府，即某市某区人民政府。',
        );
        expect(text).not.toContain('上一级主管部门');
      });

      if (rule.exemptionRequired)
        it('names the exemption relied on', () => {
          expect(partText(doc, ['exemption'])).toBe(
            `不予公开的情形及依据：${application.decision!.exemption}。`,
          );
        });

      it('leaves no required fill-in blank when the record and the provision are complete', () => {
        expect(missingFills(doc)).toEqual([]);
      });

      it('carries the staff’s reasons as the editable `reasons` fill-in', () => {
        const reasons = doc.paragraphs
          .flatMap((p) => p.segments)
          .filter((s) => !s.locked && s.fill === 'reasons');
        if (application.decision && c.outcome !== 'granted')
          expect(reasons.map((s) => s.text)).toEqual([`${application.decision.reasons}。`]);
        else expect(reasons).toEqual([]);
      });
    });
  }

  it('gives every outcome and reply type its own decision wording', () => {
    const wordings = REPLY_CASES.map((c) =>
      partText(letterContent('reply', letterInput(closedWith(c.outcome, c.replyType))), [
        'decision',
        'facts',
        'legal_basis',
      ]),
    );
    expect(new Set(wordings).size).toBe(REPLY_CASES.length);
  });
});

describe('reply letters: particular outcomes', () => {
  const doc = (outcome: Parameters<typeof closedWith>[0], replyType: Parameters<typeof closedWith>[1]) =>
    letterContent('reply', letterInput(closedWith(outcome, replyType)));

  it('区分处理 uses the wording of Art. 37', () => {
    const text = letterText(doc('partially_granted', 'separated'));
    expect(text).toContain('含有不应当公开或者不属于政府信息的内容，但是能够作区分处理');
    expect(text).toContain(
      '第三十七条的规定，本机关向你提供可以公开的政府信息内容，并对不予公开的内容说明理由',
    );
  });

  it('本机关不掌握 / not responsible names the responsible agency and its contact (Art. 36(5))', () => {
    const d = doc('unable_not_held', 'not_responsible');
    expect(partText(d, ['responsible_agency'])).toBe(
      '负责公开该政府信息的行政机关及其联系方式为：某市自然资源局（联系电话：010-87654321）。你可以向该机关提出申请。',
    );
    expect(partText(d, ['legal_basis'])).toContain('第三十六条第（五）项');
  });

  it('says so when the responsible agency cannot be identified', () => {
    const a = closedWith('unable_not_held', 'not_responsible');
    const d = letterContent(
      'reply',
      letterInput({ ...a, decision: { ...a.decision!, responsibleAgency: null } }),
    );
    expect(partText(d, ['responsible_agency'])).toBe('本机关未能确定负责公开该政府信息的行政机关。');
  });

  it('third-party refusals mention the written consultation', () => {
    expect(letterText(doc('denied_third_party', 'withheld'))).toContain('本机关已依法书面征求第三方的意见。');
    expect(letterText(doc('denied_state_secret', 'withheld'))).not.toContain('征求第三方');
  });

  it('deemed abandonment states the dates of the notice and the missed period', () => {
    // 2026-09-25 + 10 WD: 9-28…9-30, 国庆 10-01–10-07 off, 10-08, 10-09, 10-10 (调休 Saturday), 10-12…10-15
    const a = closedWith('other_no_correction', null);
    const text = letterText(letterContent('reply', letterInput(a)));
    expect(text).toContain(
      '本机关已于2026年9月25日一次性告知你作出补正，补正期限截至2026年10月15日。你无正当理由逾期不补正。',
    );
    expect(text).toContain('视为放弃申请，本机关不再处理该政府信息公开申请');
    const fee = letterText(letterContent('reply', letterInput(closedWith('other_no_fee', null))));
    expect(fee).toContain(
      '根据《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定',
    );
  });

  it('a withdrawn application gets a letter recording the withdrawal', () => {
    const text = letterText(letterContent('reply', letterInput(closedWith('other_other', null, true))));
    expect(text).toContain('你已于2026年9月30日撤回该政府信息公开申请');
  });

  it('addresses an organisation as 你单位', () => {
    const a = closedWith('granted', 'disclosed');
    const d = letterContent(
      'reply',
      letterInput(a, {
        applicant: { name: '某科技有限公司', type: 'commercial', contactPerson: '李四', address: null },
      }),
    );
    expect(paragraphText(d.paragraphs[0]!)).toContain('收到你单位提出的政府信息公开申请');
    expect(d.deliverTo).toBe('送达地址：（未登记）（联系人：李四）');
  });

  it('previews a drafted decision before the application closes', () => {
    const replied = closedWith('denied_process_info', 'withheld');
    const draft = { ...replied, state: 'under_review' as const, outcome: null, closedOn: null };
    expect(letterText(letterContent('reply', letterInput(draft)))).toContain('过程性信息');
  });

  it('refuses an application with neither outcome nor decision, naming the field', () => {
    const a = closedWith('granted', 'disclosed');
    const open = { ...a, outcome: null, decision: null };
    expect(() => letterContent('reply', letterInput(open))).toThrowError(AppError);
    try {
      letterContent('reply', letterInput(open));
    } catch (error) {
      expect((error as AppError).field).toBe('application.outcome');
      expect((error as AppError).message).toContain('申请尚无办理结果');
    }
  });
});

describe('the reconsideration body follows the 行政复议法 (2023)', () => {
  const remediesOf = (agency: typeof DEPARTMENT, outcome: 'granted' | 'denied_state_secret') => {
    const a = closedWith(outcome, outcome === 'granted' ? 'disclosed' : 'withheld');
    return partText(letterContent('reply', letterInput(a, { agency })), ['remedies']);
  };

  it('a vertically-led body: the 上一级主管部门 (Art. 27)', () => {
    for (const outcome of ['granted', 'denied_state_secret'] as const) {
      const text = remediesOf(VERTICAL, outcome);
      expect(text).toContain('《中华人民共和国行政复议法》第二十七条');
      expect(text).toContain('行政复议机关为上一级主管部门，即国家税务总局某市税务局');
      expect(text).not.toContain('本级人民政府');
    }
  });

  it('a district government: the government one level up (Art. 24(1)(2))', () => {
    const text = remediesOf(DISTRICT_GOVERNMENT, 'granted');
    expect(text).toContain('第二十四条第一款第（二）项');
    expect(text).toContain('上一级地方人民政府，即某市人民政府');
    expect(text).not.toContain('上一级主管部门');
  });

  it('a provincial government: itself (Art. 24 ¶2)', () => {
    const text = remediesOf(PROVINCE, 'denied_state_secret');
    expect(text).toContain('第二十四条第二款的规定，对本机关作出的行政行为不服的，向本机关申请行政复议');
    expect(text).toContain('应当先申请行政复议');
  });

  it('requires the body’s name', () => {
    const a = closedWith('granted', 'disclosed');
    expect(() =>
      letterContent('reply', letterInput(a, { agency: { ...DEPARTMENT, reconsiderationBodyName: ' ' } })),
    ).toThrowError(/行政复议机关名称/);
  });
});

describe('how the information is provided, by default', () => {
  const a = closedWith('granted', 'disclosed');
  it.each([
    ['electronic', 'email', '本机关以电子数据形式，通过电子邮件方式向你提供该政府信息。'],
    ['paper', 'post', '本机关以纸质形式，通过邮寄方式向你提供该政府信息。'],
    ['paper', 'pickup', '本机关以纸质形式提供该政府信息，请你于收到本告知书后到本机关领取。'],
    ['inspection', 'pickup', '请你于收到本告知书后到本机关查阅、抄录该政府信息。'],
    ['other', 'email', '本机关按照你申请的形式和途径提供该政府信息。'],
  ] as const)('%s by %s', (form, delivery, text) => {
    expect(howToObtainDefault({ ...a, form, delivery }, '你')).toBe(text);
  });

  it('is the default of the fill-in when the caller gives none', () => {
    const doc = letterContent('reply', letterInput(a, { provision: {} }));
    expect(letterText(doc)).toContain(
      '本机关予以公开。本机关以电子数据形式，通过电子邮件方式向你提供该政府信息。',
    );
  });
});

describe('issue 11, point 7: the wording of （四）2 and （五）5', () => {
  it('（四）2 需要另行制作 offers 复议 first, or both remedies under the agency’s setting', () => {
    const a = closedWith('unable_needs_creation', null);
    const first = letterText(letterContent('reply', letterInput(a)));
    expect(first).toContain('应当先申请行政复议');
    expect(first).not.toContain('6个月内');
    const both = letterText(
      letterContent(
        'reply',
        letterInput(
          { ...a, letters: a.letters.map((l) => ({ ...l, reconsiderationFirst: undefined })) },
          { agency: { ...DEPARTMENT, needsCreationReconsiderationFirst: false } },
        ),
      ),
    );
    expect(both).toContain('也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼');
  });

  it('（五）5 确认或重新出具 cites 条例第二条 and 第三十八条', () => {
    const text = letterText(letterContent('reply', letterInput(closedWith('not_handled_confirm', null))));
    expect(text).toContain(
      '根据《中华人民共和国政府信息公开条例》第二条、第三十八条的规定，本机关不予处理。',
    );
  });

  it('（五）4 states the day the reasons were asked, from the record', () => {
    const text = letterText(letterContent('reply', letterInput(closedWith('not_handled_massive', null))));
    expect(text).toContain('本机关已于2026年9月25日要求你说明理由，你于2026年9月30日说明了理由。');
  });
});
