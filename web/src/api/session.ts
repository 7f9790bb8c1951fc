import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type User = components['schemas']['SessionUserResponse'];

interface Stored {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const KEY = 'gpmb.session';
const listeners = new Set<() => void>();

export function currentSession(): Stored | null {
  const raw = localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Stored) : null;
}

function store(session: Stored | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new pair (it rotates: each is good once); false when signed out. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = currentSession();
    if (!session) return false;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      store(null);
      return false;
    }
    const pair = (await response.json()) as components['schemas']['TokenResponse'];
    store({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user });
    return true;
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** fetch with the access token, refreshed once on a 401. */
async function authorizedFetch(request: Request): Promise<Response> {
  const attempt = (token: string | undefined) => {
    const copy = request.clone();
    if (token) copy.headers.set('authorization', `Bearer ${token}`);
    return fetch(copy);
  };
  const response = await attempt(currentSession()?.accessToken);
  if (response.status !== 401 || !currentSession()) return response;
  return (await refresh()) ? attempt(currentSession()?.accessToken) : response;
}

/** The typed client of the API, generated from its own OpenAPI document (web/openapi.json). */
export const api = createClient<paths>({ baseUrl: location.origin, fetch: authorizedFetch });

export async function signIn(email: string, password: string): Promise<string | null> {
  const { data, error } = await api.POST('/api/v1/auth/login', { body: { email, password } });
  if (!data) return (error as { message?: string } | undefined)?.message ?? 'Không đăng nhập được';
  store({ accessToken: data.accessToken, refreshToken: data.refreshToken, user: data.user });
  return null;
}

export async function signOut(): Promise<void> {
  await api.POST('/api/v1/auth/logout').catch(() => undefined);
  store(null);
}
