import type { Kysely, Selectable } from 'kysely';
import type { Application } from '../../domain/application/index.ts';
import { PERIOD_LETTERS, upgradeApplication } from '../../domain/application/index.ts';
import type { DueDateChange } from '../../domain/application/index.ts';
import type { ApplicationTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/** An application row: the domain value plus identity, applicant data (encrypted fields as stored) and version. */
export interface StoredApplication {
  id: number;
  agencyId: number;
  trackingCode: string;
  secretHash: string;
  source: 'staff' | 'online';
  applicant: StoredApplicant;
  handlerId: number | null;
  application: Application;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Applicant data as stored: *Enc fields are ciphertexts (see security/field-cipher.ts). */
export interface StoredApplicant {
  /** the name encrypted (or, while nameIdx is null, a row from before 0010 not yet sealed: the plaintext) */
  nameEnc: string;
  nameIdx: string | null;
  contactPerson: string | null;
  idKind: string | null;
  idNumberEnc: string | null;
  idNumberIdx: string | null;
  phoneEnc: string | null;
  phoneIdx: string | null;
  emailEnc: string | null;
  addressEnc: string | null;
  postcode: string | null;
}

/** The query columns projected from the domain value: one function, so every write keeps them in step. */
function projection(a: Application) {
  return {
    applicant_type: a.applicantType,
    channel: a.receipt.channel,
    received_on: a.receivedOn,
    state: a.state,
    reply_due: a.deadlines.reply?.date ?? null,
    latest_reply_due: a.deadlines.latestReply?.date ?? null,
    correction_notice_due: a.deadlines.correctionNotice.date,
    paused_since: a.deadlines.pausedSince,
    provisional: [a.deadlines.reply, a.deadlines.latestReply, a.deadlines.correctionNotice].some(
      (d) => d?.provisional,
    )
      ? 1
      : 0,
    consultation_due: a.deadlines.consultation?.date ?? null,
    service_pending: a.letters.some((l) => l.service === null && PERIOD_LETTERS.includes(l.kind)) ? 1 : 0,
    outcome: a.outcome,
    closed_on: a.closedOn,
    archived_on: a.archivedOn,
    summary: a.items
      .map((i) => i.description + (i.documentNumber ? `（${i.documentNumber}）` : ''))
      .join('；'),
    facts: JSON.stringify(a),
  };
}

export function toStored(row: Selectable<ApplicationTable>): StoredApplication {
  return {
    id: row.id,
    agencyId: row.agency_id,
    trackingCode: row.tracking_code,
    secretHash: row.secret_hash,
    source: row.source as 'staff' | 'online',
    applicant: {
      nameEnc: row.applicant_name,
      nameIdx: row.applicant_name_idx,
      contactPerson: row.contact_person,
      idKind: row.id_kind,
      idNumberEnc: row.id_number_enc,
      idNumberIdx: row.id_number_idx,
      phoneEnc: row.phone_enc,
      phoneIdx: row.phone_idx,
      emailEnc: row.email_enc,
      addressEnc: row.address_enc,
      postcode: row.postcode,
    },
    handlerId: row.handler_id,
    application: upgradeApplication(JSON.parse(row.facts) as Application),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewApplicationRow {
  agencyId: number;
  trackingCode: string;
  secretHash: string;
  source: 'staff' | 'online';
  applicant: StoredApplicant;
  application: Application;
  at: string;
}

export async function insertApplication(
  db: Kysely<Schema>,
  input: NewApplicationRow,
): Promise<StoredApplication> {
  const [stored] = await insertApplications(db, [input]);
  return stored!;
}

/** The row of a new application, as inserted (the id from the column's default unless given). */
export function applicationValues(input: NewApplicationRow) {
  const a = input.applicant;
  return {
    agency_id: input.agencyId,
    tracking_code: input.trackingCode,
    secret_hash: input.secretHash,
    source: input.source,
    applicant_name: a.nameEnc,
    applicant_name_idx: a.nameIdx,
    contact_person: a.contactPerson,
    id_kind: a.idKind,
    id_number_enc: a.idNumberEnc,
    id_number_idx: a.idNumberIdx,
    phone_enc: a.phoneEnc,
    phone_idx: a.phoneIdx,
    email_enc: a.emailEnc,
    address_enc: a.addressEnc,
    postcode: a.postcode,
    handler_id: null,
    version: 1,
    created_at: input.at,
    updated_at: input.at,
    ...projection(input.application),
  };
}

/** What a new application row stores, as the service reads it back. */
export function storedNew(input: NewApplicationRow, id: number): StoredApplication {
  return {
    id,
    agencyId: input.agencyId,
    trackingCode: input.trackingCode,
    secretHash: input.secretHash,
    source: input.source,
    applicant: input.applicant,
    handlerId: null,
    application: input.application,
    version: 1,
    createdAt: input.at,
    updatedAt: input.at,
  };
}

/**
 * Inserts new applications in one statement (group-committed intake); the rows are matched back to their
 * inputs by tracking code (unique), not by the order RETURNING gives.
 */
export async function insertApplications(
  db: Kysely<Schema>,
  inputs: readonly NewApplicationRow[],
): Promise<StoredApplication[]> {
  if (inputs.length === 0) return [];
  const returned = await db
    .insertInto('applications')
    .values(inputs.map(applicationValues))
    .returning(['id', 'tracking_code'])
    .execute();
  const ids = new Map(returned.map((r) => [r.tracking_code, r.id]));
  return inputs.map((input) => storedNew(input, ids.get(input.trackingCode)!));
}

/**
 * Writes a new domain value if the row is still at `version` (optimistic concurrency: two staff acting on the
 * same application at once cannot both win). Returns false when someone else changed it first.
 */
export async function updateApplication(
  db: Kysely<Schema>,
  id: number,
  version: number,
  application: Application,
  at: string,
  extra: { handlerId?: number | null } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({
      ...projection(application),
      ...(extra.handlerId !== undefined ? { handler_id: extra.handlerId } : {}),
      version: version + 1,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new address for the applicant (a 补正 may bring one); the ciphertext as sealed by the service. */
export async function updateApplicantAddress(
  db: Kysely<Schema>,
  id: number,
  addressEnc: string | null,
): Promise<void> {
  await db.updateTable('applications').set({ address_enc: addressEnc }).where('id', '=', id).execute();
}

export async function findApplication(db: Kysely<Schema>, id: number): Promise<StoredApplication | null> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function findApplicationByTrackingCode(
  db: Kysely<Schema>,
  code: string,
): Promise<StoredApplication | null> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function insertDueDateChanges(
  db: Kysely<Schema>,
  applicationId: number,
  eventId: number,
  changes: readonly DueDateChange[],
): Promise<void> {
  await insertDueDateChangesOf(db, [{ applicationId, eventId, changes }]);
}

/** The due-date changes of several applications' events in one statement (none: no statement). */
export async function insertDueDateChangesOf(
  db: Kysely<Schema>,
  of: readonly { applicationId: number; eventId: number; changes: readonly DueDateChange[] }[],
): Promise<void> {
  const rows = dueDateRows(of);
  if (rows.length === 0) return;
  await db.insertInto('due_date_changes').values(rows).execute();
}

export function dueDateRows(
  of: readonly { applicationId: number; eventId: number; changes: readonly DueDateChange[] }[],
) {
  return of.flatMap(({ applicationId, eventId, changes }) =>
    changes.map((c) => ({
      application_id: applicationId,
      kind: c.due,
      from_date: c.from,
      to_date: c.to,
      reason: c.reason,
      article: c.article,
      on_date: c.on,
      event_id: eventId,
    })),
  );
}

export async function dueDateChangesOf(db: Kysely<Schema>, applicationId: number) {
  return db
    .selectFrom('due_date_changes')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/** Open applications whose stored deadlines may change when a year's schedule is loaded. */
export async function openApplicationIds(db: Kysely<Schema>): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('closed_on', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
