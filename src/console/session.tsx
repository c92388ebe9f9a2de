import { createContext, useContext } from 'react';
import type { Role } from '../domain/access/roles.ts';

export interface StaffUser {
  id: number;
  agencyId: number;
  /** the agency's name, for the header (the login answer and /api/auth/me carry it) */
  agencyName?: string | null;
  name: string;
  roles: Role[];
  roleLabels: string[];
}

export interface Session {
  user: StaffUser;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in console');
  return session;
}

/** Whether the user holds any of the roles. */
export function hasRole(user: StaffUser, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
