import type { LocalDate } from '../calendar/local-date.ts';
import type { ApplicantType } from './applicant.ts';
import type { ReceiptFacts } from './channel.ts';
import type { ConsultationKind, Deadlines } from './deadlines.ts';
import type { Decision, Outcome } from './decisions.ts';
import type { FeeAssessment } from './fees.ts';
import type { IssuedLetter } from './service.ts';
import type { ApplicationState } from './states.ts';

/**
 * An application for disclosure (政府信息公开申请, 条例 Art. 27–45) as the domain sees it: the facts recorded so
 * far and the deadlines derived from them. Personal data (name, 身份证明, contact) and identifiers are kept by
 * persistence around this value; nothing here needs them.
 */

/** One piece of information asked for (Art. 29(2)): its name, 文号 or other identifying description. */
export interface RequestedItem {
  description: string;
  documentNumber: string | null;
}

/** The requested form (Art. 29(3), 40). */
export const INFORMATION_FORMS = ['paper', 'electronic', 'inspection', 'other'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABEL: Record<InformationForm, string> = {
  paper: '纸质',
  electronic: '电子数据',
  inspection: '查阅、抄录',
  other: '其他',
};

/** The requested way of obtaining it (Art. 29(3)). */
export const DELIVERY_METHODS = ['pickup', 'post', 'email', 'fax', 'online', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABEL: Record<DeliveryMethod, string> = {
  pickup: '自行领取',
  post: '邮寄',
  email: '电子邮件',
  fax: '传真',
  online: '网上获取',
  other: '其他',
};

/** 补正 (Art. 30): one notice listing every point, with a reasonable period. */
export interface Correction {
  /** the day the notice was issued (作出补正通知, within 7 WD of receipt) */
  requestedOn: LocalDate;
  points: readonly string[];
  /** the correction period granted, in working days, counted from the day after service */
  periodDays: number;
  /** the day the notice was served on the applicant (送达); null while 待送达 — the period has not started */
  servedOn: LocalDate | null;
  /** the date the corrected application was received (Art. 31 rules), null while awaited */
  receivedOn: LocalDate | null;
  /**
   * a notice issued after the 7 WD of Art. 30 because the office insisted: why. Such a notice does not restart
   * the reply period.
   */
  lateReason: string | null;
  /** the request as first made, when the correction replaced it with the clarified one */
  originalItems: readonly RequestedItem[] | null;
}

/** Art. 35: the applicant asked to state reasons for a clearly excessive number or frequency of requests. */
export interface ReasonsRequest {
  requestedOn: LocalDate;
  /** what the applicant is asked to explain */
  points: string;
  /** working days to state the reasons, counted from the day after service */
  periodDays: number;
  servedOn: LocalDate | null;
  /** the day the reasons were received; null while awaited (or none came) */
  receivedOn: LocalDate | null;
  reasons: string | null;
  /** reasonable, but the reply cannot be given in time: the later date set and notified (Art. 35) */
  later: { dueOn: LocalDate; reason: string; decidedOn: LocalDate; decidedBy: string } | null;
}

/** A consultation whose time is not counted (Art. 32, 34). */
export interface Consultation {
  kind: ConsultationKind;
  /** the third party or agency consulted */
  party: string;
  sentOn: LocalDate;
  /** the day the party received the letter (the letter's service); its 15 WD run from the day after */
  receivedOn: LocalDate | null;
  /** the day it ended: the answer came, or staff closed it without one */
  endedOn: LocalDate | null;
  /** whether an answer came (null while open) */
  answered: boolean | null;
}

/** The one extension (Art. 33 ¶2), approved by the head of the OGI office (负责人). */
export interface Extension {
  days: number;
  reason: string;
  approvedOn: LocalDate;
  approvedBy: string;
  /** who asked for it and when (absent before issue 12; the head's own extension names the head) */
  requestedBy?: string;
  requestedOn?: LocalDate;
}

/** A handler's request for the extension, awaiting the head's approval before the reply period ends. */
export interface ExtensionRequest {
  days: number;
  reason: string;
  requestedBy: string;
  requestedOn: LocalDate;
}

/** A 收费通知 (国办函〔2020〕109号). */
export interface FeeNotice {
  assessment: FeeAssessment;
  issuedOn: LocalDate;
  /** the day the notice was served; the 20 WD to pay run from the day after (null: 待送达) */
  servedOn: LocalDate | null;
  paidOn: LocalDate | null;
  /** whether the reply clock pauses until payment — the setting in force when the notice was served */
  pausesClock: boolean;
}

/**
 * The decision with its sign-off trail: drafted by the handler, 审核 by a reviewer, 签发 by the head, each with
 * its opinion (审核意见 / 签发意见). `selfSignOff` records a review or sign-off by the drafter, which only an
 * agency that allows it (a one-person office) permits. The review fields are absent before issue 12.
 */
export interface DecisionRecord extends Decision {
  draftedBy: string;
  draftedOn: LocalDate;
  reviewedBy?: string | null;
  reviewedOn?: LocalDate | null;
  reviewOpinion?: string | null;
  approvedBy: string | null;
  approvedOn: LocalDate | null;
  approvalOpinion?: string | null;
  selfSignOff?: boolean;
}

export interface Application {
  state: ApplicationState;
  applicantType: ApplicantType;
  /** the dates recorded at registration, from which Art. 31 gives `receivedOn` */
  receipt: ReceiptFacts;
  /** 收到申请之日 (Art. 31); table 三 counts the application in this date's year */
  receivedOn: LocalDate;
  items: readonly RequestedItem[];
  form: InformationForm;
  delivery: DeliveryMethod;
  correction: Correction | null;
  consultations: readonly Consultation[];
  extension: Extension | null;
  /** the pending request for the extension (absent before issue 12) */
  extensionRequest?: ExtensionRequest | null;
  fee: FeeNotice | null;
  /** Art. 35 */
  reasonsRequest: ReasonsRequest | null;
  decision: DecisionRecord | null;
  /** set when the application closes: the table 三 result row */
  outcome: Outcome | null;
  /** the day it closed (reply sent, deemed abandoned, withdrawn) */
  closedOn: LocalDate | null;
  archivedOn: LocalDate | null;
  /** the letters the actions issued, in order, each with its service record */
  letters: readonly IssuedLetter[];
  /** derived from the facts above and the calendar (deadlines.ts); stored for queries */
  deadlines: Deadlines;
}
