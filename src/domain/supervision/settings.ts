import { AppError } from '../errors.ts';
import { isLocalDate } from '../calendar/local-date.ts';

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
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  departmentDue: null,
  governmentDue: null,
  jumpFactor: 3,
  jumpMinimum: 20,
  manyItems: 500,
};

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
  };
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
  return out;
}
