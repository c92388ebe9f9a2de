import { describe, expect, it } from 'vitest';
import { perPageFee } from '../application/fees.ts';
import { registered } from '../application/lifecycle.fixture.ts';
import { AppError } from '../errors.ts';
import { letterContent } from './content.ts';
import type { LetterDocument } from './document.ts';
import { letterFills, letterText, missingFills } from './document.ts';
import { FILL_KEY_SPEC, LETTER_FILL_KEYS, letterFillKeys } from './fill-keys.ts';
import { LETTER_KINDS } from './kinds.ts';
import type { LetterKind } from './kinds.ts';
import { closedWith, letterInput, REPLY_CASES, run } from './letters.fixture.ts';
import { LOCKED_PART_LABEL, LOCKED_PARTS } from './segments.ts';
import { applyAgencyTemplate } from './template.ts';

const lockedTexts = (doc: LetterDocument) =>
  doc.paragraphs.flatMap((p) => p.segments.filter((s) => s.locked).map((s) => `${s.part}:${s.text}`));

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** One letter of each kind. */
function sampleDocs(): Record<LetterKind, LetterDocument> {
  const accepted = run(registered(), [['2026-09-25', { type: 'accept' }]]);
  const input = (a: typeof accepted) => letterInput(a);
  return {
    reply: letterContent('reply', input(closedWith('denied_internal_affairs', 'withheld'))),
    correction: letterContent(
      'correction',
      input(
        run(registered(), [
          ['2026-09-28', { type: 'request_correction', points: ['请写明名称'], periodDays: 10 }],
        ]),
      ),
    ),
    extension: letterContent(
      'extension',
      input(run(accepted, [['2026-10-12', { type: 'extend', days: 10, reason: '需调档' }]])),
    ),
    consultation: letterContent(
      'consultation',
      input(
        run(accepted, [['2026-09-28', { type: 'start_consultation', kind: 'third_party', party: '某公司' }]]),
      ),
    ),
    fee: letterContent(
      'fee',
      input(run(accepted, [['2026-09-28', { type: 'issue_fee_notice', assessment: perPageFee(40) }]])),
    ),
    reasons: letterContent(
      'reasons',
      letterInput(
        run(registered('2026-09-24'), [
          [
            '2026-09-25',
            { type: 'request_reasons', points: '请说明本月内提出40件申请的理由和用途', periodDays: 10 },
          ],
        ]),
      ),
    ),
    reasonable_deadline: letterContent(
      'reasonable_deadline',
      letterInput(
        run(registered('2026-09-24'), [
          [
            '2026-09-25',
            { type: 'request_reasons', points: '请说明本月内提出40件申请的理由和用途', periodDays: 10 },
          ],
          [
            '2026-10-09',
            { type: 'receive_reasons', receivedOn: '2026-10-09', reasons: '撰写学位论文，需要逐年数据' },
          ],
          [
            '2026-10-12',
            {
              type: 'set_reasonable_deadline',
              dueOn: '2026-12-15',
              reason: '所申请信息涉及十年档案，需逐卷调取',
            },
          ],
        ]),
      ),
    ),
  };
}

describe('an agency’s copy of a letter', () => {
  const docs = sampleDocs();

  it('replaces editable fill-ins and keeps every locked text', () => {
    for (const kind of LETTER_KINDS) {
      const doc = docs[kind];
      const adjusted = applyAgencyTemplate(doc, {
        contact: '联系人：王五；联系电话：010-66666666（工作日9:00—17:00）。',
        closing_note: '此致。',
      });
      expect(letterFills(adjusted)).toMatchObject({
        contact: '联系人：王五；联系电话：010-66666666（工作日9:00—17:00）。',
        closing_note: '此致。',
      });
      expect(lockedTexts(adjusted)).toEqual(lockedTexts(doc));
      expect(adjusted.title).toBe(doc.title);
      expect(letterText(doc)).not.toContain('王五');
    }
  });

  it('replaces the staff’s reasons in a reply', () => {
    const adjusted = applyAgencyTemplate(docs.reply, { reasons: '  所申请信息为本机关内部人事管理信息。 ' });
    expect(letterFills(adjusted).reasons).toBe('所申请信息为本机关内部人事管理信息。');
  });

  it('ignores a fill-in of the kind that this letter does not carry, so one template serves every outcome', () => {
    const adjusted = applyAgencyTemplate(docs.reply, { published_at: '本机关门户网站' });
    expect(adjusted).toEqual(docs.reply);
  });

  it('rejects an override of locked text, naming the key in Chinese', () => {
    for (const key of LOCKED_PARTS) {
      const error = errorOf(() => applyAgencyTemplate(docs.reply, { [key]: '改写' }));
      expect(error.code).toBe('validation');
      expect(error.field).toBe(`overrides.${key}`);
      expect(error.message).toContain(`“${LOCKED_PART_LABEL[key]}”（${key}）是法定文字或办理记录，不能修改`);
    }
  });

  it('rejects a key the kind has no fill-in for, and an unknown key', () => {
    expect(errorOf(() => applyAgencyTemplate(docs.extension, { reasons: '理由' })).message).toContain(
      '“reasons”不是延期答复告知书的可填写项',
    );
    expect(errorOf(() => applyAgencyTemplate(docs.fee, { remedy: '无' })).message).toContain(
      '“remedy”不是收费通知书的可填写项',
    );
  });

  it('rejects a blank required fill-in and a non-text value, listing every problem', () => {
    const error = errorOf(() =>
      applyAgencyTemplate(docs.reply, { reasons: ' ', remedies: 'x', contact: 12 as unknown as string }),
    );
    expect((error.details as { field: string }[]).map((d) => d.field)).toEqual([
      'overrides.reasons',
      'overrides.remedies',
      'overrides.contact',
    ]);
    expect(error.message).toContain('“理由说明”（reasons）不能为空');
    expect(error.message).toContain('“联系方式”（contact）应为文字');
  });

  it('applies an agency template, then the letter’s own fill-ins', () => {
    const agency = applyAgencyTemplate(docs.correction, { contact: 'A', how_to_submit: 'B' });
    const own = applyAgencyTemplate(agency, { contact: 'C' });
    expect(letterFills(own)).toMatchObject({ contact: 'C', how_to_submit: 'B' });
  });
});

describe('fill keys', () => {
  it('every fill-in a letter carries is listed for its kind, with a Chinese label', () => {
    const docs = [
      ...Object.values(sampleDocs()),
      ...REPLY_CASES.map((c) => letterContent('reply', letterInput(closedWith(c.outcome, c.replyType)))),
    ];
    for (const doc of docs)
      for (const key of Object.keys(letterFills(doc))) expect(LETTER_FILL_KEYS[doc.kind]).toContain(key);
    for (const kind of LETTER_KINDS)
      for (const spec of letterFillKeys(kind)) {
        expect(spec.label).toMatch(/[\u4e00-\u9fff]/u);
        expect(spec).toEqual(FILL_KEY_SPEC[spec.key]);
      }
  });

  it('missingFills names a required fill-in left blank until it is filled', () => {
    const a = closedWith('granted', 'already_public');
    const doc = letterContent('reply', letterInput(a, { provision: {} }));
    expect(missingFills(doc)).toEqual(['published_at']);
    expect(
      missingFills(applyAgencyTemplate(doc, { published_at: '本机关门户网站“法定主动公开内容”栏目' })),
    ).toEqual([]);
  });
});
