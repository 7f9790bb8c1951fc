import type { Action } from './domain/permissions.js';
import { API_KEY_PERMISSIONS, PERMISSIONS } from './domain/permissions.js';
import type { ApiKeyAccess, Role } from './domain/roles.js';

/** Who is calling: a signed-in user or an API key, with the administrative units it was given. */
export type Principal =
  | {
      type: 'user';
      id: string;
      name: string;
      role: Role;
      administrativeUnitIds: string[];
      /** The sign-in the access token belongs to. */
      sessionId?: string;
    }
  | { type: 'api_key'; id: string; name: string; access: ApiKeyAccess; administrativeUnitIds: string[] };

export function permissionsOf(principal: Principal): readonly Action[] {
  return principal.type === 'user' ? PERMISSIONS[principal.role] : API_KEY_PERMISSIONS[principal.access];
}

export function can(principal: Principal, action: Action): boolean {
  return permissionsOf(principal).includes(action);
}

/** Admins see every ward; everyone else sees the units they were assigned and the units below them. */
export function seesEverything(principal: Principal): boolean {
  return principal.type === 'user' && principal.role === 'admin';
}
