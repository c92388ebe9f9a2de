/** The annual report: model, statutory layouts, interchange format and validation. Pure: no I/O. */
export * from './cell.ts';
export * from './cell-text.ts';
export * from './finding.ts';
export * from './format.ts';
export * from './interchange.ts';
export * from './model.ts';
export * from './table2.ts';
export * from './table3.ts';
export * from './table4.ts';
export * from './template.ts';
export { validateReport } from './validate/index.ts';
export type { ValidateOptions } from './validate/index.ts';
export { quotedFigures } from './validate/narrative.ts';
export { cellName, rowName, columnName } from './validate/labels.ts';
export { applyCellEdits } from './edit.ts';
