import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { ActionType, Application, DueStatusResult } from '../../domain/application/index.ts';
import { availableActions, dueStatus, isClosed, STATE_LABEL } from '../../domain/application/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import { maskIdNumber, maskPhone, maskText } from '../../security/field-cipher.ts';
import type { ApplicantView } from './applicant-input.ts';
import { applicantName } from './applicant-input.ts';

/** An application as the staff API presents it. */
export interface ApplicationView {
  id: number;
  agencyId: number;
  trackingCode: string;
  source: 'staff' | 'online';
  applicant: ApplicantView;
  application: Application;
  stateLabel: string;
  /** the reply due date's status today (null once closed or while a correction is awaited) */
  replyStatus: DueStatusResult | null;
  availableActions: ActionType[];
  /** the server's date in China the view was computed on: the console compares dates with it, not the browser's clock */
  today: string;
  handlerId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Decrypts the applicant's data; masks ID number, phone, e-mail and address unless `reveal`. */
export function applicantView(
  stored: StoredApplication,
  cipher: FieldCipher,
  reveal: boolean,
): ApplicantView {
  const a = stored.applicant;
  const id = cipher.decryptOptional(a.idNumberEnc);
  const phone = cipher.decryptOptional(a.phoneEnc);
  const email = cipher.decryptOptional(a.emailEnc);
  const address = cipher.decryptOptional(a.addressEnc);
  return {
    type: stored.application.applicantType,
    name: applicantName(cipher, a.nameEnc, a.nameIdx),
    contactPerson: a.contactPerson,
    idKind: a.idKind,
    idNumber: reveal ? id : maskIdNumber(id),
    phone: reveal ? phone : maskPhone(phone),
    email: reveal ? email : email ? email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    address: reveal ? address : maskText(address, 6),
    postcode: a.postcode,
    masked: !reveal,
  };
}

export function applicationView(
  stored: StoredApplication,
  ctx: {
    cipher: FieldCipher;
    calendar: WorkingCalendar;
    today: string;
    principal: Principal;
    reveal?: boolean;
  },
): ApplicationView {
  const a = stored.application;
  const reply = a.deadlines.reply;
  const actor =
    ctx.principal.kind === 'staff' ? { id: actorOf(ctx.principal), roles: ctx.principal.roles } : null;
  return {
    id: stored.id,
    agencyId: stored.agencyId,
    trackingCode: stored.trackingCode,
    source: stored.source,
    applicant: applicantView(stored, ctx.cipher, ctx.reveal ?? false),
    application: a,
    stateLabel: STATE_LABEL[a.state],
    replyStatus: reply && !isClosed(a.state) ? dueStatus(reply.date, ctx.today, ctx.calendar) : null,
    availableActions:
      actor && ctx.principal.kind === 'staff' && ctx.principal.agencyId === stored.agencyId
        ? availableActions(a, actor, ctx.today)
        : [],
    today: ctx.today,
    handlerId: stored.handlerId,
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
