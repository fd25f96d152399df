// The signed-in session (person, organisation) shared by every page. Held in the React Query
// cache under one key so sign-in, sign-out and organisation edits update the header at once.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { OrgOut, SessionOut } from './api/orgs.ts';

export const SESSION_KEY = ['session'] as const;

export const SessionContext = createContext<SessionOut | null>(null);

/** The current session; only used below the signed-in layout, so it is always present. */
export function useSession(): SessionOut {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in page');
  return session;
}

export function useSetSession(): (session: SessionOut | null) => void {
  const queryClient = useQueryClient();
  return (session) => queryClient.setQueryData(SESSION_KEY, session);
}

export function useUpdateSessionOrg(): (org: OrgOut) => void {
  const queryClient = useQueryClient();
  return (org) =>
    queryClient.setQueryData<SessionOut | null>(SESSION_KEY, (s) => (s ? { ...s, org } : s));
}
