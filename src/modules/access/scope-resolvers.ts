import { SetMetadata } from '@nestjs/common';
import type { Principal } from './principal.js';
import type { RecordLocation, Scope } from './scope.js';

export const SCOPE_RESOLVER = 'access:scope-resolver';

/** Finds where a record lies; null when there is no such record. */
export type LocateRecord = (id: string) => Promise<RecordLocation | null>;

/**
 * Marks a provider method `(id) => Promise<RecordLocation | null>` as where records of `kind` lie,
 * for `@InScope(kind)` routes. Each module registers its own kinds; access knows none of them, and
 * start-up fails when a route names a kind nobody resolves.
 */
export const ResolvesScope = (kind: string) => SetMetadata(SCOPE_RESOLVER, kind);

/** Request headers as Node hands them over. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Who is calling, from a request's headers (provided by the auth module). */
export abstract class Authenticator {
  abstract authenticate(headers: RequestHeaders): Promise<Principal>;
}

/** What a principal may see (provided by the module that knows projects and units). */
export abstract class PrincipalScopes {
  abstract scopeOf(principal: Principal): Promise<Scope>;
}
