/**
 * 信息处理费 (条例 Art. 42; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; STATUTE.md §3). Two methods,
 * both progressive on the excess, one per application, never both:
 * - 按件计收 (`per_application`): the same applicant's applications in one calendar month — 1–10 free; 11–30
 *   100元/件; from 31 on, each further block of 10 raises the rate by 100元/件 (31–40: 200, 41–50: 300, …);
 * - 按量计收 (`per_page`): the pages of one application — ≤ 30 free; 31–100 10元/页; 101–200 20元/页;
 *   201 and more 40元/页.
 * Amounts are whole 元.
 */
export const FEE_METHODS = ['per_application', 'per_page'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FEE_METHOD: Record<FeeMethod, { label: string; unit: '件' | '页' }> = {
  per_application: { label: '按件计收', unit: '件' },
  per_page: { label: '按量计收', unit: '页' },
};

export const FEE_BASIS = '国办函〔2020〕109号';

/** One band of the progressive scale as applied: units `from`–`to` charged at `rate` 元 per unit. */
export interface FeeBand {
  from: number;
  to: number;
  rate: number;
  units: number;
  amount: number;
}

export interface FeeAssessment {
  method: FeeMethod;
  /** 按件: the applications in the month (or, from nthApplicationFee, the application's number in it); 按量: pages */
  quantity: number;
  bands: FeeBand[];
  /** 元 */
  amount: number;
}

interface Band {
  from: number;
  /** inclusive; null = open-ended */
  to: number | null;
  rate: number;
}

const PAGE_BANDS: readonly Band[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

/** The 按件 bands needed to cover `quantity`: 1–10 free, 11–30 at 100, then blocks of 10 rising by 100. */
function applicationBands(quantity: number): Band[] {
  const bands: Band[] = [
    { from: 1, to: 10, rate: 0 },
    { from: 11, to: 30, rate: 100 },
  ];
  for (let from = 31, rate = 200; from <= quantity; from += 10, rate += 100)
    bands.push({ from, to: from + 9, rate });
  return bands;
}

function assess(method: FeeMethod, quantity: number, scale: readonly Band[]): FeeAssessment {
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new RangeError(`${FEE_METHOD[method].unit}数应为非负整数：${quantity}`);
  const bands: FeeBand[] = [];
  for (const band of scale) {
    if (quantity < band.from) break;
    const to = band.to === null ? quantity : Math.min(band.to, quantity);
    const units = to - band.from + 1;
    bands.push({ from: band.from, to, rate: band.rate, units, amount: units * band.rate });
  }
  return { method, quantity, bands, amount: bands.reduce((sum, b) => sum + b.amount, 0) };
}

/** 按件计收 for an applicant's `count` applications in one calendar month (35 → 3,000元). */
export function perApplicationFee(count: number): FeeAssessment {
  return assess('per_application', count, applicationBands(count));
}

/** 按量计收 for one application of `pages` pages (150 → 1,700元). */
export function perPageFee(pages: number): FeeAssessment {
  return assess('per_page', pages, PAGE_BANDS);
}

/**
 * The 按件 charge for one application — the applicant's n-th in the calendar month — at the rate of the band n
 * falls in (the 11th: 100元; the 31st: 200元): one band of one unit, for a 收费通知书 issued per application.
 * Summed over n = 1…N it equals {@link perApplicationFee}(N).
 */
export function nthApplicationFee(n: number): FeeAssessment {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`申请序号应为正整数：${n}`);
  const rate = applicationBands(n).find((b) => n >= b.from && (b.to === null || n <= b.to))!.rate;
  return {
    method: 'per_application',
    quantity: n,
    bands: [{ from: n, to: n, rate, units: 1, amount: rate }],
    amount: rate,
  };
}

export function feeFor(method: FeeMethod, quantity: number): FeeAssessment {
  switch (method) {
    case 'per_application':
      return perApplicationFee(quantity);
    case 'per_page':
      return perPageFee(quantity);
  }
}

/** The breakdown lines of a 收费通知书: '第11—30件：20件 × 100元/件 = 2000元'. Free bands are shown as 免费. */
export function feeBreakdown(assessment: FeeAssessment): string[] {
  const unit = FEE_METHOD[assessment.method].unit;
  return assessment.bands.map((b) => {
    const span = b.from === b.to ? `第${b.from}${unit}` : `第${b.from}—${b.to}${unit}`;
    return b.rate === 0
      ? `${span}：${b.units}${unit}，免费`
      : `${span}：${b.units}${unit} × ${b.rate}元/${unit} = ${b.amount}元`;
  });
}
