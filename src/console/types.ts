/**
 * The shapes of the JSON API as the console reads them. Domain values (Application, Deadlines …) are imported
 * from the pure domain core; the envelopes the services add are written out here, following
 * src/services/applications/{views,queries}.ts.
 */
import type { Role } from '../domain/access/roles.ts';
import type { ActionType } from '../domain/application/actions.ts';
import type { ApplicantType } from '../domain/application/applicant.ts';
import type { Application } from '../domain/application/application.ts';
import type { Channel } from '../domain/application/channel.ts';
import type { DueDateReason, DueKind } from '../domain/application/due-date-changes.ts';
import type { DueStatus, DueStatusResult } from '../domain/application/due-status.ts';
import type { ServiceRecord } from '../domain/application/service.ts';
import type { ApplicationState } from '../domain/application/states.ts';

export interface ApplicantView {
  type: ApplicantType;
  name: string;
  contactPerson: string | null;
  idKind: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  masked: boolean;
}

export interface ApplicationView {
  id: number;
  agencyId: number;
  trackingCode: string;
  source: 'staff' | 'online';
  applicant: ApplicantView;
  application: Application;
  stateLabel: string;
  replyStatus: DueStatusResult | null;
  availableActions: ActionType[];
  /** the server's date in China (the statutory clock's today) */
  today: string;
  handlerId: number | null;
  /** names of the staff the record names, by actor id */
  people: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InboxRow {
  id: number;
  trackingCode: string;
  state: ApplicationState;
  stateLabel: string;
  applicantType: ApplicantType;
  applicantName: string;
  channel: Channel;
  receivedOn: string;
  replyDue: string | null;
  dueStatus: DueStatus | null;
  /** working days from today to the reply due date (negative when overdue); null while no reply clock runs */
  workingDaysLeft: number | null;
  provisional: boolean;
  outcome: string | null;
  closedOn: string | null;
  summary: string;
  consultationDue: string | null;
  consultationOverdue: boolean;
  servicePending: boolean;
  /** 承办人 (null: not yet assigned) */
  handlerId: number | null;
  handlerName: string | null;
  /** 内部会签 not yet answered, and how many are past their due date */
  cosignsOpen: number;
  cosignsOverdue: number;
}

/** A department (科室) of the agency (GET /api/departments). */
export interface Department {
  name: string;
  members: string[];
  mine: boolean;
}

/** One 内部会签 (GET /api/applications/:id/cosigns), following src/services/applications/cosigns.ts. */
export interface CosignEntry {
  id: number;
  department: string;
  question: string;
  openedOn: string;
  openedBy: string;
  openedByName: string;
  dueOn: string;
  answer: {
    opinion: string;
    answeredOn: string;
    recordedBy: string;
    answererName: string;
    onBehalf: boolean;
  } | null;
  /** 撤回会签: who withdrew it (actor), when (ISO) and why */
  withdrawal: { withdrawnAt: string; withdrawnBy: string; reason: string } | null;
  status: 'pending' | 'overdue' | 'answered' | 'answered_late' | 'withdrawn';
  statusLabel: string;
  recordedByName: string | null;
  withdrawnByName: string | null;
  mayAnswer: boolean;
  mayWithdraw: boolean;
}

export interface CosignList {
  rule: string;
  departments: string[];
  myDepartment: string | null;
  mayOpen: boolean;
  cosigns: CosignEntry[];
}

/** 待办提醒 of the signed-in user (GET /api/reminders). */
export interface ReminderEntry {
  kind: string;
  label: string;
  applicationId: number;
  trackingCode: string;
  dueOn: string | null;
  assigneeId: number | null;
  department: string | null;
  unassigned: boolean;
}

export interface ReminderList {
  today: string;
  reminders: ReminderEntry[];
  counts: Record<string, number>;
  labels: Record<string, string>;
  department: string | null;
}

/** A handler who may be given applications (GET /api/assignees). */
export interface Assignee {
  id: number;
  name: string;
}

/** Each handler's load (GET /api/workload). */
export interface Workload {
  handlers: { handlerId: number; name: string; open: number; overdue: number; dueSoon: number }[];
  unassigned: { open: number; overdue: number; dueSoon: number } | null;
}

/** One 分办 / 转办 (GET /api/applications/:id/assignments). */
export interface AssignmentEntry {
  assignee: string;
  previous: string | null;
  reason: string | null;
  at: string;
  by: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEvent {
  id: number;
  action: string;
  actor: string;
  /** who acted, in words: the staff member's display name, 申请人 or 系统 */
  actorName: string;
  at: string;
  data: {
    on?: string;
    actorRoles?: Role[];
    details?: Record<string, unknown>;
    warnings?: string[];
    before?: { state: ApplicationState } | null;
    after?: { state: ApplicationState };
  } | null;
}

export interface TimelineDueDateChange {
  kind: DueKind;
  from: string | null;
  to: string | null;
  reason: DueDateReason;
  article: string;
  on: string;
}

export interface LetterSummary {
  id: number;
  kind: string;
  number: string;
  createdAt: string;
  createdBy: string;
  letterIndex: number | null;
  /** 送达: null while 待送达 */
  service: ServiceRecord | null;
}

export interface Timeline {
  events: TimelineEvent[];
  dueDateChanges: TimelineDueDateChange[];
  letters: LetterSummary[];
}

export interface Registered {
  application: ApplicationView;
  trackingCode: string;
  secret: string;
}

export interface DeadlineSummary {
  receivedOn: string;
  rule: string;
  article: string | null;
  correctionNotice: { date: string; provisional: boolean };
  reply: { date: string; provisional: boolean };
  latestReply: { date: string; provisional: boolean };
  provisional: boolean;
}
