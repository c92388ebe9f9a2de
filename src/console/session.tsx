import { createContext, useContext } from 'react';

export interface StaffUser {
  id: number;
  agencyId: number;
  agencyName?: string | null;
  name: string;
  roles: string[];
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
