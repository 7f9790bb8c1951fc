import { Injectable } from '@nestjs/common';
import { type Principal, seesEverything } from '../access/principal.js';
import { PrincipalScopes, ResolvesScope } from '../access/scope-resolvers.js';
import { EVERYTHING, type RecordLocation, type Scope } from '../access/scope.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import { ProjectsRepository } from './projects.repository.js';

/**
 * What a principal may see: the projects lying in its administrative units and the units below
 * them (admins: everything). Also where a project itself lies, for `@InScope('project')`.
 */
@Injectable()
export class ProjectScopes extends PrincipalScopes {
  constructor(
    private readonly units: AdministrativeUnitsService,
    private readonly projects: ProjectsRepository,
  ) {
    super();
  }

  async scopeOf(principal: Principal): Promise<Scope> {
    if (seesEverything(principal)) return EVERYTHING;
    const unitIds = await this.units.subtreeIds(...principal.administrativeUnitIds);
    return { all: false, unitIds, projectIds: unitIds.length ? await this.projects.idsInUnits(unitIds) : [] };
  }

  @ResolvesScope('project')
  async locate(id: string): Promise<RecordLocation | null> {
    return (await this.projects.exists(id)) ? { projectIds: [id] } : null;
  }
}
