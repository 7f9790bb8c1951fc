import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { RequestContext } from '../../common/request-context.js';
import {
  isIdOf,
  type AccessRequest,
  PUBLIC_ROUTE,
  REQUIRED_ACTION,
  SCOPED_RESOURCE,
  type ScopedResourceSpec,
  SIGN_IN_ROUTE,
} from './access.decorators.js';
import type { Action } from './domain/permissions.js';
import { can, type Principal } from './principal.js';
import { RateLimits } from './rate-limits.js';
import { Authenticator } from './scope-resolvers.js';
import { ScopeRegistry } from './scope-registry.service.js';
import { locationInScope } from './scope.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place access is decided, for every route: who is calling (401), may their role do this
 * (403), and does the record lie in their wards (404, exactly as if it did not exist, so nothing
 * about other wards can be inferred). Routes are closed unless marked @Public(). Writes are counted
 * against their caller here too (429 past its allowance), once the caller is known.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly scopes: ScopeRegistry,
    private readonly moduleRef: ModuleRef,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const writes = !READS.has(request.method);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (writes)
        await this.countPublicWrite(request, this.reflector.getAllAndOverride<boolean>(SIGN_IN_ROUTE, targets));
      return true;
    }

    const principal = await this.authenticate(request);
    if (writes) await this.limits.countWrite(principal);
    request.principal = principal;
    RequestContext.setActor({ type: principal.type, id: principal.id, name: principal.name });

    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRED_ACTION, targets);
    // A route that forgot to declare its permission stays closed rather than open.
    if (!action) throw new ForbiddenError('this route');
    if (!can(principal, action)) throw new ForbiddenError(action);

    const scope = await this.scopes.scopeOf(principal);
    request.scope = scope;

    const resource = this.reflector.getAllAndOverride<ScopedResourceSpec | undefined>(SCOPED_RESOURCE, targets);
    if (resource) {
      const id = (request.params as Record<string, string | undefined>)[resource.param];
      // Malformed ids are left to the route's own validation (400).
      if (id && isIdOf(resource.idFormat, id)) {
        const location = await this.scopes.locate(resource.kind, id);
        if (!location || !locationInScope(scope, location)) throw new NotFoundError(resource.entity, id);
      }
    }
    return true;
  }

  private async authenticate(request: AccessRequest): Promise<Principal> {
    this.authenticator ??= this.moduleRef.get<Authenticator>(Authenticator, { strict: false });
    try {
      return await this.authenticator.authenticate(request.headers);
    } catch (error) {
      // Each bogus credential counts against the address it came from; past the limit, 429.
      // A request that sent none costs nothing to refuse and is not counted.
      if (error instanceof DomainError && error.kind === 'unauthenticated' && error.code !== 'UNAUTHENTICATED') {
        await this.limits.countFailedAuthentication(request.ip);
      }
      throw error;
    }
  }

  private async countPublicWrite(request: AccessRequest, signIn: boolean | undefined): Promise<void> {
    await this.limits.countAnonymousWrite(request.ip);
    const email = (request.body as { email?: unknown } | undefined)?.email;
    if (signIn && typeof email === 'string') await this.limits.countSignIn(request.ip, email);
  }
}
