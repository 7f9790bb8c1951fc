import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { RateLimits } from './rate-limits.js';
import { ScopeRegistry } from './scope-registry.service.js';

/**
 * Access for every route: roles, permissions, and the scope of records. It depends on no feature:
 * the auth module provides the Authenticator, the projects module the PrincipalScopes, and each
 * module resolves its own kinds of record (@ResolvesScope).
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [ScopeRegistry, RateLimits, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [ScopeRegistry],
})
export class AccessModule {}
