import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api.ts';

type NamePath = (string | number)[];

/** 'items.0.description' → ['items', 0, 'description'] (Form.List indices are numbers). */
export function namePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows the server's Chinese messages at the fields it names. `fieldMap` renames server fields the form keeps
 * elsewhere ('applicantType' → 'applicant.type'). Returns the message for the form's top when no field of the
 * form was named (or null when every message found its field).
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  fieldMap: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const problems = error.problems.length
    ? error.problems
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  const registered = form.getFieldsError().map((f) => f.name.join('.'));
  const isRegistered = (field: string) => registered.includes(field);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const p of problems) {
    const field = fieldMap[p.field] ?? p.field;
    if (!isRegistered(field)) {
      unplaced.push(p.message);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), p.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: namePath(field), errors })));
  if (byField.size === 0) return error.message;
  return unplaced.length ? unplaced.join('；') : null;
}
