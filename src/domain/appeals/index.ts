/** 行政复议 / 行政诉讼 records and table 四 counted from them. Pure: no I/O, no clock. */
export * from './appeal-case.ts';
export * from './check.ts';
export * from './counting.ts';
