import type { CollectionTimeliness } from './timeliness.ts';
import type { Figures } from './performance.ts';

/**
 * The composite 考核 score (issue 12 point 9): five measures, each 0–100, weighted by the supervising office
 * (weights non-negative integers summing to 100, kept in its supervision settings). A measure without a value
 * for an agency (the year's report not yet due, no replies, nothing published) is left out and the weights of
 * the others are scaled up to 100, so an agency is never scored 0 for what has not happened. Each measure's
 * definition and source are stated here and shown on the page.
 */
export const SCORE_MEASURES = [
  'onTimeSubmission',
  'tableConsistency',
  'replyTimeliness',
  'appealCorrection',
  'proactiveTimeliness',
] as const;
export type ScoreMeasure = (typeof SCORE_MEASURES)[number];

export const SCORE_MEASURE: Record<ScoreMeasure, { label: string; definition: string; source: string }> = {
  onTimeSubmission: {
    label: '按时报送',
    definition:
      '本年度的年度报告在报送期限内、且在年度结束后报送的得 100 分；逾期报送、逾期未报送、提前报送（年度未结束）的得 0 分；未到期的不计。',
    source: '年度报告的报送记录：报送日期与报送期限（条例第四十九条，本机关设定的内部日期）',
  },
  tableConsistency: {
    label: '表格一致性',
    definition:
      '已报送的年度报告，核对无“错误”级问题得 100 分，每个错误扣 20 分，最低 0 分（“提示”级问题不扣分）；未报送的不计。',
    source: '报告冻结时的核对结果：表二、表三、表四的合计与勾稽关系、与上年度报告的衔接（跨机关核对）',
  },
  replyTimeliness: {
    label: '答复及时率',
    definition: '在答复期限（含延长）内答复的件数 ÷ 答复件数 × 100；本年度无答复的不计。',
    source: '本系统的申请记录：年度内办结并作出答复的申请（表三“（七）总计”中的答复部分，条例第三十三条）',
  },
  appealCorrection: {
    label: '复议诉讼纠错率',
    definition:
      '100 −（行政复议结果纠正 + 行政诉讼结果纠正）÷（年度内复议、诉讼决定总数）× 100；年度内没有复议诉讼决定的，有答复的得 100 分，没有答复的不计。',
    source: '本系统的复议诉讼记录：表四“结果纠正”与“总计”各栏（条例第五十一条）',
  },
  proactiveTimeliness: {
    label: '主动公开及时率',
    definition:
      '年度内发布的主动公开信息中，在形成或变更之日起 20 个工作日内发布的件数 ÷ 发布件数 × 100；年度内未发布的不计。',
    source: '本系统的主动公开目录：年度内发布的信息及其公开期限（条例第二十六条）',
  },
};

export type ScoreWeights = Record<ScoreMeasure, number>;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  onTimeSubmission: 20,
  tableConsistency: 20,
  replyTimeliness: 30,
  appealCorrection: 15,
  proactiveTimeliness: 15,
};

/** Points off 表格一致性 per error-level finding. */
export const POINTS_PER_ERROR = 20;

export interface ScoreInput {
  figures: Figures;
  /** the year's report: its timeliness, and its error-level findings once arrived (null: not arrived) */
  timeliness: CollectionTimeliness | null;
  errors: number | null;
}

export type ScoreParts = Record<ScoreMeasure, number | null>;

const round1 = (v: number) => Math.round(v * 10) / 10;

export function scoreParts({ figures: f, timeliness, errors }: ScoreInput): ScoreParts {
  const arrived = timeliness === 'on_time' || timeliness === 'late' || timeliness === 'early';
  const decided = f.reconsiderationDecided + f.litigationDecided;
  const corrected = f.reconsiderationCorrected + f.litigationLost;
  return {
    onTimeSubmission:
      timeliness === 'on_time'
        ? 100
        : timeliness === 'late' || timeliness === 'overdue' || timeliness === 'early'
          ? 0
          : null,
    tableConsistency: arrived && errors !== null ? Math.max(0, 100 - POINTS_PER_ERROR * errors) : null,
    replyTimeliness: f.replied > 0 ? round1((f.onTime / f.replied) * 100) : null,
    // nothing decided: nothing corrected — if there were replies to correct (an idle agency earns nothing)
    appealCorrection: decided > 0 ? round1(100 - (corrected / decided) * 100) : f.replied > 0 ? 100 : null,
    proactiveTimeliness:
      f.itemsPublished > 0 ? round1(((f.itemsPublished - f.itemsLate) / f.itemsPublished) * 100) : null,
  };
}

/** Σ weight × part ÷ Σ weight over the parts with a value, one decimal; null when no weighted part has one. */
export function compositeScore(parts: ScoreParts, weights: ScoreWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const m of SCORE_MEASURES) {
    const v = parts[m];
    if (v === null || weights[m] === 0) continue;
    sum += weights[m] * v;
    weight += weights[m];
  }
  return weight > 0 ? round1(sum / weight) : null;
}
