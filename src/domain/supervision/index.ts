/**
 * Supervision (issue 7): collecting, checking and rolling up subordinate agencies' annual reports, and their
 * disclosure work from live records. Pure: no I/O, no clock.
 */
export * from './cells.ts';
export * from './checks.ts';
export * from './collect.ts';
export * from './columns.ts';
export * from './deadline.ts';
export * from './hierarchy.ts';
export * from './outliers.ts';
export * from './performance.ts';
export * from './ranking.ts';
export * from './rollup.ts';
export * from './score.ts';
export * from './settings.ts';
export * from './timeliness.ts';
export * from './agency-match.ts';
