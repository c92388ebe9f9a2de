/** The annual-report workspace: statuses and transitions, deadlines, narrative template, comparison, charts. Pure. */
export * from './assemble.ts';
export * from './charts.ts';
export * from './compare.ts';
export * from './completeness.ts';
export * from './deadline.ts';
export * from './narrative-template.ts';
export * from './record.ts';
export * from './status.ts';
export * from './transitions.ts';
