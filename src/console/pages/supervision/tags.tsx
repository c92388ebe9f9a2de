import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { BLUE, GREEN, GREY, ORANGE, RED } from '../../components/tones.ts';
import type { ReportStatus } from '../../../domain/report-workspace/status.ts';
import { REPORT_STATUS_LABEL } from '../../../domain/report-workspace/status.ts';
import type { ColumnState } from '../../../domain/supervision/columns.ts';
import type { CollectionTimeliness } from '../../../domain/supervision/timeliness.ts';

const STATUS_TONE: Record<ReportStatus, CSSProperties> = {
  not_started: GREY,
  draft: GREY,
  submitted: BLUE,
  returned: ORANGE,
  cleared: GREEN,
  published: GREEN,
};

/** The report's status in words; text colours keep a 4.5:1 contrast on their tints. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return <Tag style={STATUS_TONE[status]}>{REPORT_STATUS_LABEL[status]}</Tag>;
}

const TIMELINESS_TONE: Record<CollectionTimeliness, CSSProperties> = {
  open: GREY,
  due_today: ORANGE,
  overdue: RED,
  on_time: GREEN,
  late: RED,
  early: ORANGE,
};

export function TimelinessTag({ state, label }: { state: CollectionTimeliness; label: string }) {
  return <Tag style={TIMELINESS_TONE[state]}>{label}</Tag>;
}

/** 错误 / 提示 for a finding. */
export function SeverityTag({ severity }: { severity: 'error' | 'warning' }) {
  return <Tag style={severity === 'error' ? RED : ORANGE}>{severity === 'error' ? '错误' : '提示'}</Tag>;
}

const COLUMN_TONE: Record<ColumnState, CSSProperties> = {
  current: GREEN,
  generated: BLUE,
  stale: ORANGE,
  empty: RED,
  missing: RED,
};

/** A 法定栏目's state (正常更新, 未及时更新, 空栏目, 未设栏目, 系统生成). */
export function ColumnStateTag({ state, label }: { state: ColumnState; label: string }) {
  return <Tag style={COLUMN_TONE[state]}>{label}</Tag>;
}
