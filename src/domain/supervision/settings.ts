import { AppError } from '../errors.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import { COLUMN_KEYS, STATUTORY_COLUMNS } from './columns.ts';
import type { ScoreWeights } from './score.ts';
import { DEFAULT_SCORE_WEIGHTS, SCORE_MEASURE, SCORE_MEASURES } from './score.ts';

/**
 * A supervising agency's settings for the agencies below it (kept in its agency settings under `supervision`):
 * earlier internal dates for collecting reports (practice: localities set dates before the statutory 31 January /
 * 31 March, STATUTE §1), and the thresholds of the outlier checks.
 */
export interface SupervisionSettings {
  /** "MM-DD" of the year after the report year, for departments, offices and vertical bodies (≤ 01-31) */
  departmentDue: string | null;
  /** "MM-DD" for the 本级人民政府 reports of governments below (≤ 03-31) */
  governmentDue: string | null;
  /** a figure that grows or shrinks by at least this factor from last year is a jump */
  jumpFactor: number;
  /** …when the larger of the two years is at least this (small numbers jump by nature) */
  jumpMinimum: number;
  /** zero applications with at least this many table 二 decisions (许可 + 处罚 + 强制) is suspicious */
  manyItems: number;
  /** the minimum volume: fewer applications received in the period → listed apart, not ranked */
  rankMinimum: number;
  /** the weights of the composite 考核 score (score.ts): non-negative integers summing to 100 */
  scoreWeights: ScoreWeights;
  /** the office's own N per 法定栏目 (months without a new item before the column is stale); others default */
  columnStaleMonths: Record<string, number>;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  departmentDue: null,
  governmentDue: null,
  jumpFactor: 3,
  jumpMinimum: 20,
  manyItems: 500,
  rankMinimum: 5,
  scoreWeights: DEFAULT_SCORE_WEIGHTS,
  columnStaleMonths: {},
};

export const MAX_STALE_MONTHS = 120;

/** The latest each internal date may be: the statutory dates (条例 Art. 49). */
export const LATEST_INTERNAL_DUE = { departmentDue: '01-31', governmentDue: '03-31' } as const;

const isMonthDay = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) && isLocalDate(`2024-${v}`);

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** The settings as stored, read leniently: anything unreadable is the default. */
export function supervisionSettingsOf(agencySettings: Record<string, unknown>): SupervisionSettings {
  const raw = agencySettings.supervision;
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const date = (key: keyof typeof LATEST_INTERNAL_DUE) =>
    isMonthDay(s[key]) && s[key] <= LATEST_INTERNAL_DUE[key] ? s[key] : null;
  return {
    departmentDue: date('departmentDue'),
    governmentDue: date('governmentDue'),
    jumpFactor:
      positive(s.jumpFactor) && s.jumpFactor > 1 ? s.jumpFactor : DEFAULT_SUPERVISION_SETTINGS.jumpFactor,
    jumpMinimum: positive(s.jumpMinimum) ? s.jumpMinimum : DEFAULT_SUPERVISION_SETTINGS.jumpMinimum,
    manyItems: positive(s.manyItems) ? s.manyItems : DEFAULT_SUPERVISION_SETTINGS.manyItems,
    rankMinimum:
      Number.isInteger(s.rankMinimum) && (s.rankMinimum as number) >= 0
        ? (s.rankMinimum as number)
        : DEFAULT_SUPERVISION_SETTINGS.rankMinimum,
    scoreWeights: readWeights(s.scoreWeights),
    columnStaleMonths: readStaleMonths(s.columnStaleMonths),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readWeights(raw: unknown): ScoreWeights {
  if (!isRecord(raw)) return { ...DEFAULT_SCORE_WEIGHTS };
  const w = Object.fromEntries(SCORE_MEASURES.map((m) => [m, raw[m]]));
  const valid = SCORE_MEASURES.every((m) => Number.isInteger(w[m]) && (w[m] as number) >= 0);
  const sum = valid ? SCORE_MEASURES.reduce((t, m) => t + (w[m] as number), 0) : 0;
  return valid && sum === 100 ? (w as ScoreWeights) : { ...DEFAULT_SCORE_WEIGHTS };
}

function readStaleMonths(raw: unknown): Record<string, number> {
  if (!isRecord(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([k, v]) =>
        COLUMN_KEYS.includes(k) &&
        Number.isInteger(v) &&
        (v as number) >= 1 &&
        (v as number) <= MAX_STALE_MONTHS,
    ),
  ) as Record<string, number>;
}

/** Checks the 考核 weights: each a non-negative integer, together 100; the error names the field. */
export function checkScoreWeights(input: unknown): ScoreWeights {
  if (!isRecord(input))
    throw new AppError(
      'validation',
      '考核权重应为各项指标的权重（整数，合计 100）',
      'supervision.scoreWeights',
    );
  for (const key of Object.keys(input))
    if (!(SCORE_MEASURES as readonly string[]).includes(key))
      throw new AppError('validation', `考核权重中没有“${key}”这一指标`, `supervision.scoreWeights.${key}`);
  const out = { ...DEFAULT_SCORE_WEIGHTS };
  for (const m of SCORE_MEASURES) {
    const v = input[m];
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100))
      throw new AppError(
        'validation',
        `“${SCORE_MEASURE[m].label}”的权重应为 0 到 100 的整数`,
        `supervision.scoreWeights.${m}`,
      );
    out[m] = v;
  }
  const sum = SCORE_MEASURES.reduce((t, m) => t + out[m], 0);
  if (sum !== 100)
    throw new AppError('validation', `考核权重合计应为 100，现为 ${sum}`, 'supervision.scoreWeights');
  return out;
}

/** Checks the office's N per 法定栏目: whole months 1–120, known columns only. */
export function checkStaleMonths(input: unknown): Record<string, number> {
  if (!isRecord(input))
    throw new AppError('validation', '栏目更新周期应为各栏目的月数', 'supervision.columnStaleMonths');
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(input)) {
    const column = STATUTORY_COLUMNS.find((c) => c.key === key);
    if (!column)
      throw new AppError('validation', `没有“${key}”这一法定栏目`, `supervision.columnStaleMonths.${key}`);
    if (v === null || v === undefined || v === '') continue;
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_STALE_MONTHS))
      throw new AppError(
        'validation',
        `“${column.label}”的更新周期应为 1 到 ${MAX_STALE_MONTHS} 的整数（月）`,
        `supervision.columnStaleMonths.${key}`,
      );
    out[key] = v;
  }
  return out;
}

/** Checks settings a supervisor submits; the first problem is an AppError naming its field. */
export function checkSupervisionSettings(input: Partial<SupervisionSettings>): SupervisionSettings {
  const out: SupervisionSettings = { ...DEFAULT_SUPERVISION_SETTINGS };
  for (const key of ['departmentDue', 'governmentDue'] as const) {
    const value = input[key];
    if (value === undefined || value === null || value === '') continue;
    if (!isMonthDay(value))
      throw new AppError('validation', '内部报送日期应为“月-日”，如 01-20', `supervision.${key}`);
    if (value > LATEST_INTERNAL_DUE[key])
      throw new AppError(
        'validation',
        `内部报送日期不能晚于法定期限（次年${LATEST_INTERNAL_DUE[key].replace('-', '月')}日，条例第四十九条）`,
        `supervision.${key}`,
      );
    out[key] = value;
  }
  if (input.jumpFactor !== undefined) {
    if (!(positive(input.jumpFactor) && input.jumpFactor > 1 && input.jumpFactor <= 100))
      throw new AppError('validation', '突增突减倍数应大于 1、不超过 100', 'supervision.jumpFactor');
    out.jumpFactor = input.jumpFactor;
  }
  if (input.jumpMinimum !== undefined) {
    if (!(Number.isInteger(input.jumpMinimum) && input.jumpMinimum >= 1))
      throw new AppError('validation', '突增突减的最小数量应为正整数', 'supervision.jumpMinimum');
    out.jumpMinimum = input.jumpMinimum;
  }
  if (input.manyItems !== undefined) {
    if (!(Number.isInteger(input.manyItems) && input.manyItems >= 1))
      throw new AppError('validation', '“零申请”核查的处理决定数量应为正整数', 'supervision.manyItems');
    out.manyItems = input.manyItems;
  }
  if (input.rankMinimum !== undefined && input.rankMinimum !== null) {
    if (!(Number.isInteger(input.rankMinimum) && input.rankMinimum >= 0 && input.rankMinimum <= 100_000))
      throw new AppError(
        'validation',
        '参与排名的最低申请量应为 0 到 100000 的整数（0 表示不设下限）',
        'supervision.rankMinimum',
      );
    out.rankMinimum = input.rankMinimum;
  }
  if (input.scoreWeights !== undefined && input.scoreWeights !== null)
    out.scoreWeights = checkScoreWeights(input.scoreWeights);
  if (input.columnStaleMonths !== undefined && input.columnStaleMonths !== null)
    out.columnStaleMonths = checkStaleMonths(input.columnStaleMonths);
  return out;
}
