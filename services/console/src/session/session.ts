/** The roles of Passerelle's tokens (libs/auth), as the console offers them. */
export type Role = 'spip' | 'siao' | 'structure' | 'prefecture' | 'admin';

export interface Session {
  token: string;
  role: Role;
  departements: string[];
  /** A structure user's structure id. */
  organisation?: string;
}

export const ROLE_LABELS: Record<Role, string> = {
  spip: 'SPIP (conseiller pénitentiaire)',
  siao: 'SIAO (commission d’orientation)',
  structure: 'Structure d’hébergement',
  prefecture: 'Préfecture',
  admin: 'Administrateur',
};

const KEY = 'passerelle.session';

export function loadSession(storage: Storage = sessionStorage): Session | undefined {
  const raw = storage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    storage.removeItem(KEY);
    return undefined;
  }
}

export function saveSession(session: Session | undefined, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** The first page of each role. */
export function homeOf(role: Role): string {
  return { spip: '/spip', siao: '/commission', structure: '/structure', prefecture: '/prefecture', admin: '/prefecture' }[role];
}
