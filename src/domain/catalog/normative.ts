import type { LocalDate } from '../calendar/local-date.ts';
import type { NormativeKind } from './categories.ts';

/**
 * 规章 and 行政规范性文件 (条例 Art. 20(1)) have a lifecycle — 制发 → 现行有效 → 废止 (or 失效 when a fixed validity
 * period ends) — kept as dates, from which table 二 (第二十条第（一）项) is counted. A document published through the
 * catalog gets its record when the item is published; older ones are entered directly.
 */
export interface NormativeDocument {
  id: number;
  agencyId: number;
  kind: NormativeKind;
  title: string;
  docNumber: string | null;
  /** 制发 — the day it was made (成文/印发) */
  issuedOn: LocalDate;
  /** 施行日期 */
  effectiveOn: LocalDate | null;
  /** the last day of a fixed validity period (有效期至) */
  expiresOn: LocalDate | null;
  /** the day it was made public (2019 layout: 本年新公开数量, 对外公开总数量) */
  publishedOn: LocalDate | null;
  /** 废止 */
  repealedOn: LocalDate | null;
  repealReason: string | null;
  /** the catalog item that published it */
  itemId: number | null;
}

export const NORMATIVE_STATUSES = ['issued', 'in_force', 'expired', 'repealed'] as const;
export type NormativeStatus = (typeof NORMATIVE_STATUSES)[number];
export const NORMATIVE_STATUS_LABEL: Record<NormativeStatus, string> = {
  issued: '已制发（尚未施行）',
  in_force: '现行有效',
  expired: '失效',
  repealed: '废止',
};

/** The status on a date (null before it was made). */
export function normativeStatusOn(doc: NormativeDocument, date: LocalDate): NormativeStatus | null {
  if (doc.issuedOn > date) return null;
  if (doc.repealedOn && doc.repealedOn <= date) return 'repealed';
  if (doc.expiresOn && doc.expiresOn < date) return 'expired';
  if (doc.effectiveOn && doc.effectiveOn > date) return 'issued';
  return 'in_force';
}

/**
 * 现行有效 at the end of a year: made by then, neither repealed nor expired by then. A document made in the year
 * but in force only from next year counts (it is valid and not repealed; our reading, as agencies report it).
 */
export function inForceAtEndOf(doc: NormativeDocument, year: number): boolean {
  const status = normativeStatusOn(doc, `${year}-12-31`);
  return status === 'in_force' || status === 'issued';
}

const inYear = (date: LocalDate | null, year: number) => date !== null && date.startsWith(`${year}-`);

/** A count and the documents it counts (each table cell drills down to its records). */
export interface CountedCell {
  value: number;
  ids: number[];
}

function counted(docs: readonly NormativeDocument[], keep: (d: NormativeDocument) => boolean): CountedCell {
  const ids = docs.filter(keep).map((d) => d.id);
  return { value: ids.length, ids };
}

/** 2021 layout: 本年制发件数 / 本年废止件数 / 现行有效件数 for one kind. */
export function lifecycle2021(docs: readonly NormativeDocument[], kind: NormativeKind, year: number) {
  const mine = docs.filter((d) => d.kind === kind);
  return {
    issued: counted(mine, (d) => inYear(d.issuedOn, year)),
    repealed: counted(mine, (d) => inYear(d.repealedOn, year)),
    in_force: counted(mine, (d) => inForceAtEndOf(d, year)),
  };
}

/**
 * 2019 layout: 本年新制作数量 (made in the year), 本年新公开数量 (made public in the year), 对外公开总数量 (made
 * public up to the end of the year — every document ever disclosed, repealed ones included; 60号 counts what
 * has been disclosed, not what is in force).
 */
export function lifecycle2019(docs: readonly NormativeDocument[], kind: NormativeKind, year: number) {
  const mine = docs.filter((d) => d.kind === kind);
  const end = `${year}-12-31`;
  return {
    made: counted(mine, (d) => inYear(d.issuedOn, year)),
    published: counted(mine, (d) => inYear(d.publishedOn, year)),
    total: counted(mine, (d) => d.publishedOn !== null && d.publishedOn <= end),
  };
}

/** Problems with a document's dates, each naming the field. */
export function checkNormativeDates(doc: {
  issuedOn: LocalDate;
  effectiveOn: LocalDate | null;
  expiresOn: LocalDate | null;
  publishedOn: LocalDate | null;
  repealedOn: LocalDate | null;
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (doc.effectiveOn && doc.effectiveOn < doc.issuedOn)
    out.push({ field: 'effectiveOn', message: '施行日期不能早于制发日期' });
  if (doc.expiresOn && doc.expiresOn < (doc.effectiveOn ?? doc.issuedOn))
    out.push({ field: 'expiresOn', message: '有效期截止日期不能早于施行日期' });
  if (doc.publishedOn && doc.publishedOn < doc.issuedOn)
    out.push({ field: 'publishedOn', message: '公开日期不能早于制发日期' });
  if (doc.repealedOn && doc.repealedOn < doc.issuedOn)
    out.push({ field: 'repealedOn', message: '废止日期不能早于制发日期' });
  return out;
}
