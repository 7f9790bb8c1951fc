import { Inject, Injectable } from '@nestjs/common';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { ExpiringCache } from '../../common/cache/expiring-cache.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CacheTags } from '../access/cache-tags.js';
import { type Principal, seesEverything } from '../access/principal.js';
import { PrincipalScopes, ResolvesScope } from '../access/scope-resolvers.js';
import { EVERYTHING, projectInScope, type RecordLocation, type Scope } from '../access/scope.js';
import type { Role } from '../access/domain/roles.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import { ProjectsRepository } from './projects.repository.js';

/**
 * What a principal may see: the projects lying in its administrative units and the units below
 * them (admins: everything). Also where a project itself lies, for `@InScope('project')`.
 */
@Injectable()
export class ProjectScopes extends PrincipalScopes {
  /** Scopes by principal, a few seconds (AUTH_CACHE_SECONDS), dropped when units or project links change. */
  private readonly cache: ExpiringCache<Scope>;

  constructor(
    private readonly units: AdministrativeUnitsService,
    private readonly projects: ProjectsRepository,
    invalidations: CacheInvalidations,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.cache = new ExpiringCache(invalidations, config.auth.cacheSeconds * 1000);
  }

  async scopeOf(principal: Principal): Promise<Scope> {
    if (seesEverything(principal)) return EVERYTHING;
    const key = `${principal.type}:${principal.id}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const unitIds = await this.units.subtreeIds(...principal.administrativeUnitIds);
    const scope = { all: false, unitIds, projectIds: unitIds.length ? await this.projects.idsInUnits(unitIds) : [] };
    this.cache.set(key, scope, [...CacheTags.of(principal), CacheTags.scopes]);
    return scope;
  }

  /** Whether an account (role and units) may work on the project: it lies in the account's wards. */
  async canSee(
    account: { id: string; fullName: string; role: Role; administrativeUnitIds: string[] },
    projectId: string,
  ) {
    const scope = await this.scopeOf({
      type: 'user',
      id: account.id,
      name: account.fullName,
      role: account.role,
      administrativeUnitIds: account.administrativeUnitIds,
    });
    return projectInScope(scope, projectId);
  }

  /**
   * Which of `userIds` cannot work on the project: no active account among `accounts`, or one whose
   * wards do not hold it. The one rule for members of working groups and officers of visits.
   */
  async cannotWorkOn(
    projectId: string,
    userIds: readonly string[],
    accounts: ReadonlyArray<{ id: string; fullName: string; role: Role; administrativeUnitIds: string[] }>,
  ): Promise<string[]> {
    const outside: string[] = [];
    for (const userId of userIds) {
      const account = accounts.find((candidate) => candidate.id === userId);
      if (!account || !(await this.canSee(account, projectId))) outside.push(userId);
    }
    return outside;
  }

  @ResolvesScope('project')
  async locate(id: string): Promise<RecordLocation | null> {
    return (await this.projects.exists(id)) ? { projectIds: [id] } : null;
  }
}
