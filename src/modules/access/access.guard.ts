import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { RequestContext } from '../../common/request-context.js';
import {
  type AccessRequest,
  PUBLIC_ROUTE,
  REQUIRED_ACTION,
  SCOPED_RESOURCE,
  type ScopedResourceSpec,
} from './access.decorators.js';
import type { Action } from './domain/permissions.js';
import { can } from './principal.js';
import { Authenticator } from './scope-resolvers.js';
import { ScopeRegistry } from './scope-registry.service.js';
import { locationInScope } from './scope.js';

/**
 * The one place access is decided, for every route: who is calling (401), may their role do this
 * (403), and does the record lie in their wards (404, exactly as if it did not exist, so nothing
 * about other wards can be inferred). Routes are closed unless marked @Public().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly scopes: ScopeRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AccessRequest>();
    this.authenticator ??= this.moduleRef.get<Authenticator>(Authenticator, { strict: false });
    const principal = await this.authenticator.authenticate(request.headers);
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
      if (id && isUUID(id)) {
        const location = await this.scopes.locate(resource.kind, id);
        if (!location || !locationInScope(scope, location)) throw new NotFoundError(resource.entity, id);
      }
    }
    return true;
  }
}
