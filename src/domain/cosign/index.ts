/** 内部会签: asking the agency's departments (科室) for their opinion on a case. Pure. */
export * from './cosign.ts';
