/**
 * 依申请公开: the application, its statutory clock, the state machine, decisions, remedies, fees and table 三 from
 * the register. Pure: no I/O, no clock.
 */
export * from './actions.ts';
export * from './applicant.ts';
export * from './application.ts';
export * from './apply-action.ts';
export * from './channel.ts';
export * from './citations.ts';
export * from './deadlines.ts';
export * from './decisions.ts';
export * from './due-date-changes.ts';
export * from './due-status.ts';
export * from './event.ts';
export * from './fees.ts';
export * from './register.ts';
export * from './remedies.ts';
export * from './states.ts';
export * from './table3.ts';
export * from './transition-error.ts';
export * from './transitions.ts';
export * from './issued-letters.ts';
export * from './limits.ts';
export * from './remedy-deadlines.ts';
export * from './service.ts';
export * from './upgrade.ts';
export * from './what-if.ts';
export { describeRoles, lastActivityOn } from './action-checks.ts';
