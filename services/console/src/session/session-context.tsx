import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setBearerToken } from '../api/client';
import { loadSession, saveSession, Session } from './session';

interface SessionState {
  session?: Session;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | undefined>(() => {
    const stored = loadSession();
    setBearerToken(stored?.token);
    return stored;
  });
  const state = useMemo<SessionState>(() => {
    const change = (next: Session | undefined) => {
      setBearerToken(next?.token);
      saveSession(next);
      // Another user's answers must never show under this one's name.
      queryClient.clear();
      setSession(next);
    };
    return { session, signIn: change, signOut: () => change(undefined) };
  }, [session, queryClient]);
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user; screens behind RequireRole only. */
export function useCurrentSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}
