import type { Generated } from 'kysely';

/**
 * 依申请公开 records. The application's domain value (src/domain/application: facts and derived deadlines) is
 * kept whole as JSON in `facts`; the columns beside it are projections for queries (state, dates, outcome),
 * written in the same statement. Personal data is encrypted (`*_enc`, AES-GCM) with blind indexes (`*_idx`)
 * for exact lookups.
 */
export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** 查询码 — given to the applicant; with the secret it opens their own application */
  tracking_code: string;
  /** sha256 of the applicant's secret */
  secret_hash: string;
  /** 'staff' (registered at the counter / from post) or 'online' (the portal form) */
  source: string;
  applicant_type: string;
  /** AES-GCM ciphertext ("v1:…") of the applicant's name; plaintext only in a row not yet sealed (idx null) */
  applicant_name: string;
  /** blind index (HMAC) of the name, for exact search; null until the row is sealed (0010) */
  applicant_name_idx: string | null;
  /** for organisations: the contact person */
  contact_person: string | null;
  /** 身份证明 kind: 居民身份证, 护照, 统一社会信用代码 … */
  id_kind: string | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  phone_enc: string | null;
  phone_idx: string | null;
  email_enc: string | null;
  address_enc: string | null;
  postcode: string | null;
  channel: string;
  received_on: string;
  state: string;
  reply_due: string | null;
  latest_reply_due: string | null;
  correction_notice_due: string;
  paused_since: string | null;
  /** 1 when a due date falls in a year with no published holiday schedule */
  provisional: number;
  /** the open consultation's answer date (15 WD after the party received the letter) */
  consultation_due: string | null;
  /** 1 while a letter that starts a period against the applicant (补正, 收费, 说明理由) awaits service */
  service_pending: Generated<number>;
  outcome: string | null;
  closed_on: string | null;
  archived_on: string | null;
  /** the information asked for, joined, for lists and search */
  summary: string;
  handler_id: number | null;
  facts: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every change of a due date, with its reason and article (issue 4: "kept with its reason"). */
export interface DueDateChangeTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  from_date: string | null;
  to_date: string | null;
  reason: string;
  article: string | null;
  on_date: string;
  event_id: number;
}

/** Letters sent (告知书 …): the fill-ins at the time of sending; the document is rendered from them. */
export interface LetterTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  kind: string;
  /** 文号, e.g. 某卫依申〔2026〕12号 */
  number: string;
  year: number;
  seq: number;
  data: string;
  /** the letter of the application's value this row prints (its service record is there); null before 0007 */
  letter_index: number | null;
  created_at: string;
  created_by: string;
}

/** A file handed over with a reply (the information disclosed), stored under dataDir/attachments/<sha256>. */
export interface ReplyAttachmentTable {
  id: Generated<number>;
  application_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  /** 1: a copy with the withheld parts redacted (区分处理, 条例第三十七条) */
  redacted: number;
  note: string | null;
  position: number;
  created_at: string;
  created_by: string;
}

/** The last sequence given in a 文号 series and year (issue 12 point 5). */
export interface LetterNumberCounterTable {
  agency_id: number;
  /** 机关代字, e.g. 某卫依申补 */
  series: string;
  year: number;
  last_seq: number;
}

/** The register of 文号: every number an agency gave, unique per agency; never reused. */
export interface LetterNumberTable {
  id: Generated<number>;
  agency_id: number;
  /** 某卫依申补〔2026〕3号 */
  number: string;
  series: string;
  year: number;
  seq: number;
  kind: string;
  /** the letter that carries it (null only while the letter is being written, in the same transaction) */
  letter_id: number | null;
  issued_at: string;
  issued_by: string;
}

/** 分办 / 转办: one row per assignment of an application to a handler (issue 12 point 1). */
export interface AssignmentTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  assignee_id: number;
  /** the handler before (null for the first 分办) */
  previous_id: number | null;
  /** 转办的理由 (required when there was a handler before) */
  reason: string | null;
  assigned_at: string;
  assigned_by: string;
}

/** 内部会签 (issue 12 point 2): one department's 会签 on a case, and its answer (null columns until answered). */
export interface CosignTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  /** 科室 */
  department: string;
  /** 会签事项 */
  question: string;
  opened_on: string;
  opened_at: string;
  opened_by: string;
  due_on: string;
  answered_on: string | null;
  answered_at: string | null;
  /** the actor who entered the answer */
  answered_by: string | null;
  /** who answered for the department */
  answerer_name: string | null;
  /** 会签意见 */
  opinion: string | null;
  /** 1 when the handler or head recorded an answer given outside the console */
  on_behalf: Generated<number>;
  /** 撤回会签 (0028): when (ISO), by which actor, and the reason; null while not withdrawn */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}

export interface ApplicationSchema {
  applications: ApplicationTable;
  due_date_changes: DueDateChangeTable;
  letters: LetterTable;
  reply_attachments: ReplyAttachmentTable;
  letter_number_counters: LetterNumberCounterTable;
  letter_numbers: LetterNumberTable;
  assignments: AssignmentTable;
  cosigns: CosignTable;
}
