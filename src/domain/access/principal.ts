import type { Role } from './roles.ts';
import { CASE_HANDLING_ROLES } from './roles.ts';

/** Who is asking: a staff member of one agency, an applicant holding a tracking code and secret, or nobody. */
export type Principal =
  | { kind: 'staff'; userId: number; agencyId: number; roles: Role[]; name: string }
  | { kind: 'applicant'; applicationId: number; trackingCode: string }
  | { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The actor string stored on events: 'user:12', 'applicant:ABC123', 'system', 'anonymous'. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'staff':
      return `user:${principal.userId}`;
    case 'applicant':
      return `applicant:${principal.trackingCode}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/** The staff member's user id in an actor string of actorOf ('user:12' → 12); null for any other actor. */
export function staffIdOfActor(actor: string): number | null {
  const match = /^user:(\d+)$/.exec(actor);
  return match ? Number(match[1]) : null;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.kind === 'staff' && roles.some((r) => principal.roles.includes(r));
}

/** A staff member of the agency itself — never a supervisor above it: who may open its individual applications. */
export function isStaffOf(principal: Principal, agencyId: number): boolean {
  return principal.kind === 'staff' && principal.agencyId === agencyId;
}

/** A staff member of the agency with a case-handling role (CASE_HANDLING_ROLES): who may see a case's letters. */
export function handlesCasesOf(principal: Principal, agencyId: number): boolean {
  return isStaffOf(principal, agencyId) && hasRole(principal, ...CASE_HANDLING_ROLES);
}
