import { createContext, useContext, type ReactNode } from 'react';
import type { SluiceApi } from '../api/sluice-api';

/** An admin key sees every page; any other valid key sees only its own page. */
export type SessionRole = 'admin' | 'holder';

export interface AdminSession {
  api: SluiceApi;
  role: SessionRole;
  signOut: () => void;
}

const AdminSessionContext = createContext<AdminSession | null>(null);

export function AdminSessionProvider({ session, children }: { session: AdminSession; children: ReactNode }) {
  return <AdminSessionContext.Provider value={session}>{children}</AdminSessionContext.Provider>;
}

/** The signed-in client; only inside the signed-in part of the app. */
export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession outside AdminSessionProvider');
  return session;
}
