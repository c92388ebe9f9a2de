import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isIdNumber, luhnValid } from '../identity/id-number.ts';
import { scanText } from './scanner.ts';

const kinds = (text: string) => scanText(text).map((h) => [h.kind, h.match]);

describe('GB 11643 ID numbers', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['44030419900307123X', true],
    ['320102198506154322', true],
    ['110105194912310021', false], // wrong check digit
    ['320102198506154321', false], // wrong check digit
    ['110105194913310020', false], // month 13
    ['110105194902300023', false], // 30 February
    ['01010519491231002X', false], // region cannot start with 0
  ])('%s → %s', (id, valid) => expect(isIdNumber(id)).toBe(valid));

  it('computes the MOD 11-2 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('32010219850615432')).toBe('2');
  });
});

describe('the sensitive-content scanner', () => {
  it('finds an ID number with position and snippet', () => {
    const text = '经查，当事人张某（身份证号：320102198506154322）于2025年3月在本市从事无证经营。';
    const [hit, ...rest] = scanText(text);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'id_number', match: '320102198506154322' });
    expect(text.slice(hit!.start, hit!.end)).toBe('320102198506154322');
    expect(hit!.before).toBe('经查，当事人张某（身份证号：');
    expect(hit!.after).toBe('）于2025年3月在本市从事无');
  });

  it('does not report an ID number whose check digit is wrong (nor as a card number when Luhn fails)', () => {
    expect(luhnValid('320102198506154321')).toBe(false);
    expect(scanText('身份证号：320102198506154321。')).toEqual([]);
  });

  it.each([
    ['联系手机13812345678。', [['mobile', '13812345678']]],
    ['手机：138-1234-5678', [['mobile', '138-1234-5678']]],
    ['电话：+86 13912345678', [['mobile', '+86 13912345678']]],
    [
      '咨询电话：010-65123456，传真（0755）83456789转123',
      [
        ['landline', '010-65123456'],
        ['landline', '（0755）83456789转123'],
      ],
    ],
    ['退款至 6222 0212 3456 7890 128 账户', [['bank_card', '6222 0212 3456 7890 128']]],
    ['账号6228480012345678903', [['bank_card', '6228480012345678903']]],
    ['来信请寄 zhang.san@example.com.cn 谢谢', [['email', 'zhang.san@example.com.cn']]],
    ['本件为机密★5年，请勿外传', [['classification', '机密']]],
    ['密级：秘密★1年', [['classification', '秘密★']]],
    [
      '（内部资料 注意保密）',
      [
        ['classification', '内部资料'],
        ['classification', '注意保密'],
      ],
    ],
    ['此件不予公开。', [['classification', '不予公开']]],
  ])('true positive: %s', (text, expected) => expect(kinds(text)).toEqual(expected));

  it.each([
    ['依法保护商业秘密和个人隐私，不得泄露国家秘密。'],
    ['索引号：11010500/2026-00042，文号：京卫发〔2026〕3号'],
    ['成文日期：20260115，编号 2026011500123'],
    ['政务服务便民热线12345全天候受理。'],
    ['共处理 13812345678901 条记录'], // a 14-digit number is no phone number
    ['账号6222021234567890129'], // Luhn fails
    ['统一社会信用代码：91110000MA01ABCD2X'],
    ['@所有人 请于下午开会'],
  ])('false positive avoided: %s', (text) => expect(scanText(text)).toEqual([]));

  it('reports an ID number once, not again as a card or phone number', () => {
    expect(kinds('号码11010519491231002X')).toEqual([['id_number', '11010519491231002X']]);
  });

  it('takes extra marks from the agency', () => {
    expect(scanText('此为征求意见稿', { extraMarks: ['征求意见稿'] }).map((h) => h.kind)).toEqual([
      'classification',
    ]);
  });
});
