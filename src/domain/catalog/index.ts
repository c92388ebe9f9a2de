/** 主动公开: the catalog of information items, its review chain, the scanner, Art. 26, table 二. Pure: no I/O. */
export * from './categories.ts';
export * from './csv.ts';
export * from './figure-import.ts';
export * from './guide.ts';
export * from './highlight.ts';
export * from './index-number.ts';
export * from './item.ts';
export * from './lateness.ts';
export * from './normative.ts';
export * from './review.ts';
export * from './scanner.ts';
export * from './search-text.ts';
export * from './site.ts';
export * from './states.ts';
export * from './table2.ts';
export * from './yearly-figures.ts';
