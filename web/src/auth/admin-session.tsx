import { createContext, useContext, type ReactNode } from 'react';
import type { AdminClient } from '../api/admin-client';

export interface AdminSession {
  client: AdminClient;
  signOut: () => void;
}

const AdminSessionContext = createContext<AdminSession | null>(null);

export function AdminSessionProvider({ session, children }: { session: AdminSession; children: ReactNode }) {
  return <AdminSessionContext.Provider value={session}>{children}</AdminSessionContext.Provider>;
}

/** The signed-in admin client; only inside the signed-in part of the app. */
export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession outside AdminSessionProvider');
  return session;
}
