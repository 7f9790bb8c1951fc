import { Inject, Injectable } from '@nestjs/common';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { ExpiringCache } from '../../common/cache/expiring-cache.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CacheTags } from '../access/cache-tags.js';
import type { Principal } from '../access/principal.js';

export interface Authenticated {
  principal: Principal;
  /** When the credential itself expires (an access token's `exp`), on the product's clock. */
  expiresAt?: Date;
}

/**
 * Who a credential stands for, kept a few seconds (AUTH_CACHE_SECONDS) so that a burst of requests
 * with one token costs one account lookup, not one each. Logout, session revocation, deactivation,
 * a changed role or units and a revoked key invalidate the entry in every process at once.
 */
@Injectable()
export class PrincipalCache {
  private readonly cache: ExpiringCache<Authenticated>;

  constructor(invalidations: CacheInvalidations, @Inject(APP_CONFIG) config: AppConfig) {
    this.cache = new ExpiringCache(invalidations, config.auth.cacheSeconds * 1000);
  }

  get(credential: string): Authenticated | undefined {
    return this.cache.get(credential);
  }

  keep(credential: string, authenticated: Authenticated): void {
    this.cache.set(credential, authenticated, CacheTags.of(authenticated.principal));
  }
}
