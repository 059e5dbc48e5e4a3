// Who is signed in. The server is the authority (roles are enforced there on every route); the
// app only uses the role to decide which pages and buttons to show.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { api, ApiError, SIGNED_OUT_EVENT } from './api.js';

export const roles = ['investigator', 'analyst', 'internal_fraud', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Me {
  username: string;
  role: Role;
}

export const roleNames: Record<Role, string> = {
  investigator: 'Investigator',
  analyst: 'Analyst',
  internal_fraud: 'Internal fraud',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

/** Roles that may see staff and the internal-fraud pages (the server enforces the same). */
export const staffRoles: readonly Role[] = ['internal_fraud', 'admin'];
/** Roles that work cases (take, transition, close). */
export const caseWorkerRoles: readonly Role[] = [
  'investigator',
  'internal_fraud',
  'supervisor',
  'admin',
];
/** Roles that manage the queue (assign, export, deliveries). */
export const caseManagerRoles: readonly Role[] = ['supervisor', 'admin'];

interface SessionState {
  me: Me | null;
  /** False until the first /auth/me answered. */
  ready: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api.get<Me>('/auth/me').then(
      (who) => {
        setMe(who);
        setReady(true);
      },
      () => setReady(true),
    );
    const signedOut = () => setMe(null);
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const who = await api.post<Me>('/auth/login', { username, password });
    setMe({ username: who.username, role: who.role });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setMe(null);
  }, []);

  return (
    <SessionContext.Provider value={{ me, ready, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user (pages below the sign-in gate always have one). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
