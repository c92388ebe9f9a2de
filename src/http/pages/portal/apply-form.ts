import type { ApplicantType, DeliveryMethod, InformationForm } from '../../../domain/application/index.ts';
import { APPLICANT_TYPES, DELIVERY_METHODS, INFORMATION_FORMS } from '../../../domain/application/index.ts';
import type { NewApplicationInput } from '../../../services/applications/intake.ts';

/**
 * The online application form's fields (条例 Art. 29) ↔ the application service's input. Field names follow the
 * service's problem paths ("applicant.idNumber", "items.0.description") so each problem lands on its field.
 */
export const MAX_FORM_ITEMS = 3;

export interface ApplyValues {
  applicant: {
    type: string;
    name: string;
    contactPerson: string;
    idKind: string;
    idNumber: string;
    phone: string;
    email: string;
    address: string;
    postcode: string;
  };
  items: { description: string; documentNumber: string }[];
  form: string;
  delivery: string;
}

export function emptyValues(prefill: { title?: string; docNumber?: string } = {}): ApplyValues {
  return {
    applicant: {
      type: 'natural',
      name: '',
      contactPerson: '',
      idKind: '居民身份证',
      idNumber: '',
      phone: '',
      email: '',
      address: '',
      postcode: '',
    },
    items: Array.from({ length: MAX_FORM_ITEMS }, (_, i) =>
      i === 0
        ? { description: prefill.title ?? '', documentNumber: prefill.docNumber ?? '' }
        : { description: '', documentNumber: '' },
    ),
    form: 'electronic',
    delivery: 'email',
  };
}

/** A posted value as typed: never cut (the limits are checked and shown, never applied by truncation). */
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Reads a posted form (application/x-www-form-urlencoded) into the form's values. */
export function readApplyForm(body: Record<string, unknown>): ApplyValues {
  const values = emptyValues();
  for (const key of Object.keys(values.applicant) as (keyof ApplyValues['applicant'])[])
    values.applicant[key] = str(body[`applicant.${key}`]).trim();
  values.items = values.items.map((_, i) => ({
    description: str(body[`items.${i}.description`]).trim(),
    documentNumber: str(body[`items.${i}.documentNumber`]).trim(),
  }));
  values.form = str(body.form);
  values.delivery = str(body.delivery);
  return values;
}

/** The service's input: blank item rows left out (the first row is always sent, so a missing description is named). */
export function toApplicationInput(values: ApplyValues): Omit<NewApplicationInput, 'receipt'> {
  const items = values.items.filter((item, i) => i === 0 || item.description || item.documentNumber);
  const a = values.applicant;
  const opt = (v: string) => (v ? v : null);
  return {
    applicant: {
      type: a.type as ApplicantType,
      name: a.name,
      contactPerson: opt(a.contactPerson),
      idKind: opt(a.idKind),
      idNumber: opt(a.idNumber),
      phone: opt(a.phone),
      email: opt(a.email),
      address: opt(a.address),
      postcode: opt(a.postcode),
    },
    items: items.map((i) => ({ description: i.description, documentNumber: opt(i.documentNumber) })),
    form: (INFORMATION_FORMS as readonly string[]).includes(values.form)
      ? (values.form as InformationForm)
      : ('' as InformationForm),
    delivery: (DELIVERY_METHODS as readonly string[]).includes(values.delivery)
      ? (values.delivery as DeliveryMethod)
      : ('' as DeliveryMethod),
  };
}

export const isApplicantTypeValue = (v: string) => (APPLICANT_TYPES as readonly string[]).includes(v);

/** The element id of a field, for labels, error links and aria-describedby. */
export const fieldId = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** Problems keyed by field; a problem about the item list as a whole goes to the first description. */
export function problemsByField(
  problems: readonly { field: string; message: string }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.field === 'items' ? 'items.0.description' : p.field;
    out.set(field, [...(out.get(field) ?? []), p.message]);
  }
  return out;
}
