import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../common/request-context.js';
import type { Action } from './domain/permissions.js';
import type { Principal } from './principal.js';
import type { Scope } from './scope.js';

export const PUBLIC_ROUTE = 'access:public';
export const REQUIRED_ACTION = 'access:action';
export const SCOPED_RESOURCE = 'access:resource';
export const SIGN_IN_ROUTE = 'access:sign-in';

export interface ScopedResourceSpec {
  /** A kind some module resolves with @ResolvesScope ('household', 'complaint' …). */
  kind: string;
  param: string;
  /** How a missing record is named in the 404 (`Household` → HOUSEHOLD_NOT_FOUND). */
  entity: string;
  /** The form of its ids: UUIDs, or numbers (rows of an append-only history). */
  idFormat: IdFormat;
}

export type IdFormat = 'uuid' | 'serial';

/** Whether `id` has the form of the kind's ids; anything else is left to the route's validation (400). */
export function isIdOf(format: IdFormat, id: string): boolean {
  return format === 'uuid' ? isUUID(id) : /^[1-9]\d{0,17}$/.test(id);
}

export interface AccessRequest extends FastifyRequest {
  principal?: Principal;
  scope?: Scope;
}

/** The route needs no credentials (health, docs, login). Every other route is closed by default. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * A public route that checks a password: its attempts count per address and the body's `email`
 * (see RateLimits), before the handler hashes anything.
 */
export const SignInRoute = () => SetMetadata(SIGN_IN_ROUTE, true);

/** The permission a route needs (see PERMISSIONS). A route with neither this nor @Public() is refused. */
export const Requires = (action: Action) => SetMetadata(REQUIRED_ACTION, action);

/**
 * The route acts on one record named by a path parameter: it answers 404 unless that record lies
 * in the caller's scope, exactly as if it did not exist. Services then need no scope check of their own.
 */
export const InScope = (kind: string, param = 'id', idFormat: IdFormat = 'uuid') =>
  SetMetadata(SCOPED_RESOURCE, {
    kind,
    param,
    entity: kind.charAt(0).toUpperCase() + kind.slice(1),
    idFormat,
  } satisfies ScopedResourceSpec);

function requestOf(context: ExecutionContext): AccessRequest {
  return context.switchToHttp().getRequest<AccessRequest>();
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The caller's scope, resolved by the authorization guard; services filter lists with it. */
export const CurrentScope = createParamDecorator((_: unknown, context: ExecutionContext): Scope => {
  const scope = requestOf(context).scope;
  if (!scope) throw new Error('CurrentScope used on a public route');
  return scope;
});

/** The caller as history rows and the audit trail name it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentActor used on a public route');
  return { type: principal.type, id: principal.id, name: principal.name };
});
