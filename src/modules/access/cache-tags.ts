import type { Principal } from './principal.js';

/**
 * Names of what cached credentials and scopes depend on, shared by the caches (auth, projects) and
 * by whoever changes those things (users, API keys, sessions, projects and units), so an
 * invalidation always reaches the entries it means.
 */
export const CacheTags = {
  user: (id: string) => `user:${id}`,
  session: (id: string) => `session:${id}`,
  apiKey: (id: string) => `api-key:${id}`,
  /** Which projects lie in which units: every scope depends on it. */
  scopes: 'scopes',
  /** The tags of whatever was cached about one principal. */
  of(principal: Principal): string[] {
    if (principal.type === 'api_key') return [CacheTags.apiKey(principal.id)];
    return [CacheTags.user(principal.id), ...(principal.sessionId ? [CacheTags.session(principal.sessionId)] : [])];
  },
} as const;
