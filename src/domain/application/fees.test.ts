import { describe, expect, it } from 'vitest';
import { feeBreakdown, feeFor, nthApplicationFee, perApplicationFee, perPageFee } from './fees.ts';

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it('按件: 35 applications in a month → 20 × 100 + 5 × 200 = 3,000元', () => {
    const fee = perApplicationFee(35);
    expect(fee.amount).toBe(3000);
    expect(fee.bands).toEqual([
      { from: 1, to: 10, rate: 0, units: 10, amount: 0 },
      { from: 11, to: 30, rate: 100, units: 20, amount: 2000 },
      { from: 31, to: 35, rate: 200, units: 5, amount: 1000 },
    ]);
  });

  it('按量: 150 pages → 70 × 10 + 50 × 20 = 1,700元', () => {
    expect(perPageFee(150)).toEqual({
      method: 'per_page',
      quantity: 150,
      amount: 1700,
      bands: [
        { from: 1, to: 30, rate: 0, units: 30, amount: 0 },
        { from: 31, to: 100, rate: 10, units: 70, amount: 700 },
        { from: 101, to: 150, rate: 20, units: 50, amount: 1000 },
      ],
    });
  });

  it.each([
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
    [60, 11000],
    [61, 11500],
  ])('按件 band edge: %i applications → %i元', (count, amount) => {
    expect(perApplicationFee(count).amount).toBe(amount);
  });

  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [1000, 34700],
  ])('按量 band edge: %i pages → %i元', (pages, amount) => {
    expect(perPageFee(pages).amount).toBe(amount);
  });

  it('charges the n-th application of the month at its band rate; the charges add up to the monthly total', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 51].map((n) => nthApplicationFee(n).amount)).toEqual([
      0, 0, 100, 100, 200, 200, 300, 400,
    ]);
    for (let total = 0, n = 1; n <= 120; n++) {
      total += nthApplicationFee(n).amount;
      expect(total).toBe(perApplicationFee(n).amount);
    }
  });

  it('refuses negative or fractional quantities', () => {
    expect(() => perPageFee(-1)).toThrow(RangeError);
    expect(() => perApplicationFee(2.5)).toThrow(RangeError);
    expect(() => nthApplicationFee(0)).toThrow(RangeError);
  });

  it('prints the breakdown of a 收费通知书', () => {
    expect(feeBreakdown(feeFor('per_application', 35))).toEqual([
      '第1—10件：10件，免费',
      '第11—30件：20件 × 100元/件 = 2000元',
      '第31—35件：5件 × 200元/件 = 1000元',
    ]);
    expect(feeBreakdown(nthApplicationFee(31))).toEqual(['第31件：1件 × 200元/件 = 200元']);
    expect(feeBreakdown(feeFor('per_page', 31))).toEqual([
      '第1—30页：30页，免费',
      '第31页：1页 × 10元/页 = 10元',
    ]);
  });
});
