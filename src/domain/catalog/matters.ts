import type { LocalDate } from '../calendar/local-date.ts';
import { addDays } from '../calendar/local-date.ts';
import type { CalendarDate, WorkingCalendar } from '../calendar/working-calendar.ts';
import type { DisclosureMethod } from './item.ts';
import { DISCLOSURE_METHODS } from './item.ts';
import type { FieldProblem } from './item.ts';
import { PUBLICATION_PERIOD_WORKING_DAYS } from './lateness.ts';

/**
 * 政务公开事项标准目录: the list of 公开事项 an agency publishes, compiled from its sector's national standard
 * guideline (国办发〔2019〕54号 asks every county and township to turn the 26 领域 guidelines into its own
 * catalog). Each 事项 has the columns of the guidelines' tables: 一级/二级事项, 公开内容（要素）, 公开依据, 公开时限,
 * 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级. Catalog items are filed under a 事项; its 公开时限 sets each
 * item's publication deadline (条例 Art. 26's 20 working days when the text names no other period).
 */
export const MATTER_AUDIENCES = ['public', 'specific'] as const;
export type MatterAudience = (typeof MATTER_AUDIENCES)[number];
export const MATTER_AUDIENCE_LABEL: Record<MatterAudience, string> = {
  public: '全社会',
  specific: '特定群体',
};

export interface DisclosureMatter {
  id: number;
  agencyId: number;
  /** 一级事项 */
  level1: string;
  /** 二级事项 */
  level2: string;
  /** 公开内容（要素） */
  content: string;
  /** 公开依据 */
  basis: string;
  /** 公开时限, as written (e.g. 信息形成或变更之日起20个工作日内) */
  timeLimit: string;
  /** 公开主体 */
  subject: string;
  /** 公开渠道和载体 */
  channels: string;
  /** 公开对象 */
  audience: MatterAudience;
  /** 公开方式 */
  method: DisclosureMethod;
  /** 公开层级：县级 */
  county: boolean;
  /** 公开层级：乡级 */
  township: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export type MatterInput = Omit<DisclosureMatter, 'id' | 'agencyId' | 'position' | 'createdAt' | 'updatedAt'>;

/** Column labels of the standard catalog, in the guidelines' order (the XLSX header and the portal table). */
export const MATTER_COLUMNS = [
  ['level1', '一级事项'],
  ['level2', '二级事项'],
  ['content', '公开内容（要素）'],
  ['basis', '公开依据'],
  ['timeLimit', '公开时限'],
  ['subject', '公开主体'],
  ['channels', '公开渠道和载体'],
  ['audience', '公开对象'],
  ['method', '公开方式'],
  ['county', '公开层级（县级）'],
  ['township', '公开层级（乡级）'],
] as const;

export const MATTER_LIMITS = {
  level1: 60,
  level2: 100,
  content: 2000,
  basis: 2000,
  timeLimit: 200,
  subject: 200,
  channels: 500,
} as const;

/** Every problem of a 事项's fields, each naming the field (the label a person sees). */
export function checkMatterInput(input: MatterInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const label = Object.fromEntries(MATTER_COLUMNS) as Record<string, string>;
  for (const field of Object.keys(MATTER_LIMITS) as (keyof typeof MATTER_LIMITS)[]) {
    const value = input[field];
    if (typeof value !== 'string') {
      problems.push({ field, message: `${label[field]}应为文字` });
      continue;
    }
    if ((field === 'level1' || field === 'level2' || field === 'timeLimit') && !value.trim())
      problems.push({ field, message: `${label[field]}不能为空` });
    if (value.length > MATTER_LIMITS[field])
      problems.push({
        field,
        message: `${label[field]}最多 ${MATTER_LIMITS[field]} 个字（现为 ${value.length} 个字）`,
      });
  }
  if (!MATTER_AUDIENCES.includes(input.audience))
    problems.push({ field: 'audience', message: '公开对象只能是全社会或特定群体' });
  if (!DISCLOSURE_METHODS.includes(input.method))
    problems.push({ field: 'method', message: '公开方式只能是主动公开或依申请公开' });
  if (typeof input.county !== 'boolean' || typeof input.township !== 'boolean')
    problems.push({ field: 'county', message: '公开层级应勾选县级、乡级或两者' });
  else if (!input.county && !input.township)
    problems.push({ field: 'county', message: '公开层级至少勾选县级或乡级之一' });
  return problems;
}

/**
 * The period a 事项's 公开时限 names: "…20个工作日内" → 20 working days, "…7日内" / "…7天内" → 7 calendar days.
 * Texts without a period ("常态公开", "实时更新", "按年度公开") fall back to 条例 Art. 26 (20 working days).
 */
export type PublicationPeriod =
  | { unit: 'working_days'; count: number; source: 'matter' | 'art26' }
  | { unit: 'days'; count: number; source: 'matter' };

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written in digits or in Chinese numerals (十, 二十, 十五, 三十). */
function numberOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[2]) return m[3] ? null : DIGITS[m[1]!]!;
  return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0);
}

export const ART26_PERIOD: PublicationPeriod = {
  unit: 'working_days',
  count: PUBLICATION_PERIOD_WORKING_DAYS,
  source: 'art26',
};

export function publicationPeriod(timeLimit: string | null | undefined): PublicationPeriod {
  const text = (timeLimit ?? '').replace(/\s+/g, '');
  const wd = /(\d{1,3}|[一二两三四五六七八九十]{1,3})个?工作日/.exec(text);
  if (wd) {
    const n = numberOf(wd[1]!);
    if (n && n > 0) return { unit: 'working_days', count: n, source: 'matter' };
  }
  const days = /(\d{1,3}|[一二两三四五六七八九十]{1,3})(?:个自然日|个日历日|自然日|日内|天内|日|天)/.exec(
    text,
  );
  if (days) {
    const n = numberOf(days[1]!);
    if (n && n > 0) return { unit: 'days', count: n, source: 'matter' };
  }
  return ART26_PERIOD;
}

export function periodLabel(period: PublicationPeriod): string {
  const base = period.unit === 'working_days' ? `${period.count}个工作日` : `${period.count}日`;
  return period.source === 'art26' ? `${base}（条例第二十六条）` : base;
}

/** The last day to publish information formed (or changed) on `formedOn`, under the period. */
export function dueUnder(
  calendar: WorkingCalendar,
  period: PublicationPeriod,
  formedOn: LocalDate,
): CalendarDate {
  if (period.unit === 'working_days') return calendar.addWorkingDays(formedOn, period.count);
  // calendar days: a last day that is not a working day moves to the next working day (民事诉讼法 Art. 85)
  return calendar.workingDayOnOrAfter(addDays(formedOn, period.count));
}

/** A 事项's name as printed: 一级事项 / 二级事项. */
export const matterName = (m: Pick<DisclosureMatter, 'level1' | 'level2'>) => `${m.level1} / ${m.level2}`;
