import { Injectable } from '@nestjs/common';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import { DialoguesService } from '../dialogues/dialogues.service.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { ScopedResourceKind } from './access.decorators.js';
import { type Principal, seesEverything } from './principal.js';
import { EVERYTHING, type Scope } from './scope.js';

/** Resolves what a principal may see, and which project a scoped record belongs to. */
@Injectable()
export class ScopeService {
  constructor(
    private readonly units: AdministrativeUnitsService,
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly dialogues: DialoguesService,
  ) {}

  async resolve(principal: Principal): Promise<Scope> {
    if (seesEverything(principal)) return EVERYTHING;
    const unitIds = await this.units.subtreeIds(...principal.administrativeUnitIds);
    return { all: false, unitIds, projectIds: await this.projects.idsInUnits(unitIds) };
  }

  /** The project of a record, or null when the record does not exist. */
  async projectOf(kind: ScopedResourceKind, id: string): Promise<string | null> {
    switch (kind) {
      case 'project':
        return id;
      case 'household':
        return this.households.projectIdOf(id);
      case 'dialogueSession':
        return this.dialogues.projectIdOf(id);
    }
  }
}
