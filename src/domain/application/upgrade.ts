import type { Application } from './application.ts';

/**
 * An application value as stored by an earlier version, completed with the facts added since (stored values
 * are never rewritten; see ARCHITECTURE.md). Before service records existed a 补正 or fee notice counted from
 * the day it was issued: such a notice is read as served on that day, so open cases keep their periods; its
 * letters were not listed on the application and have no service record.
 */
export function upgradeApplication(raw: Application): Application {
  const a = raw as Application & Record<string, unknown>;
  if (Array.isArray(a.letters) && 'reasonsRequest' in a) return raw;
  const legacy = (value: unknown) => value === undefined;
  return {
    ...a,
    letters: a.letters ?? [],
    reasonsRequest: a.reasonsRequest ?? null,
    correction: a.correction && {
      ...a.correction,
      servedOn: legacy(a.correction.servedOn) ? a.correction.requestedOn : a.correction.servedOn,
      lateReason: a.correction.lateReason ?? null,
      originalItems: a.correction.originalItems ?? null,
    },
    consultations: a.consultations.map((c) => ({
      ...c,
      receivedOn: c.receivedOn ?? null,
      answered: legacy(c.answered) ? (c.endedOn === null ? null : true) : c.answered,
    })),
    fee: a.fee && { ...a.fee, issuedOn: a.fee.issuedOn ?? a.fee.servedOn! },
  };
}
