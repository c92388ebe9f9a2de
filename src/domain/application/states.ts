/**
 * The closed set of states of an application (条例 Art. 45: 登记、审核、办理、答复、归档). Transitions between them
 * are data: transitions.ts.
 */
export const APPLICATION_STATES = [
  'registered',
  'correction_requested',
  'in_progress',
  'consulting',
  'fee_pending',
  'under_review',
  'reviewed',
  'approved',
  'replied',
  'abandoned',
  'withdrawn',
  'archived',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_LABEL: Record<ApplicationState, string> = {
  registered: '已登记',
  correction_requested: '待补正',
  in_progress: '办理中',
  consulting: '征求意见中',
  fee_pending: '待缴费',
  under_review: '待审核',
  reviewed: '已审核待签发',
  approved: '已签发待答复',
  replied: '已答复',
  abandoned: '视为放弃申请',
  withdrawn: '申请人撤回',
  archived: '已归档',
};

/** Closed: the application has its outcome and closing date (table 三 counts it as handled). */
export const CLOSED_STATES: readonly ApplicationState[] = ['replied', 'abandoned', 'withdrawn', 'archived'];

export function isClosed(state: ApplicationState): boolean {
  return CLOSED_STATES.includes(state);
}

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}
