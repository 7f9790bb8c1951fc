import { Injectable } from '@nestjs/common';
import { CacheTags } from '../access/cache-tags.js';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import type { AdministrativeLevel, AdministrativeUnit } from './administrative-unit.entity.js';
import {
  InvalidUnitHierarchyError,
  InvalidValidityPeriodError,
  ParentUnitNotFoundError,
} from './administrative-units.errors.js';
import { AdministrativeUnitsRepository } from './administrative-units.repository.js';
import type { CreateAdministrativeUnitDto } from './dto/create-administrative-unit.dto.js';
import type { ListAdministrativeUnitsQuery } from './dto/list-administrative-units.query.js';

/** Depth in the tree. Levels are never hard-coded into paths: a ward may sit under a province directly. */
const RANK: Record<AdministrativeLevel, number> = { province: 0, district: 1, ward: 2, commune: 2 };

@Injectable()
export class AdministrativeUnitsService {
  constructor(
    private readonly units: AdministrativeUnitsRepository,
    private readonly invalidations: CacheInvalidations,
  ) {}

  async create(input: CreateAdministrativeUnitDto): Promise<AdministrativeUnit> {
    if (input.validFrom && input.validTo && input.validTo <= input.validFrom) {
      throw new InvalidValidityPeriodError(input.validFrom, input.validTo);
    }
    if (input.parentId) {
      const parent = await this.units.findById(input.parentId);
      if (!parent) throw new ParentUnitNotFoundError(input.parentId);
      if (RANK[input.level] <= RANK[parent.level]) throw new InvalidUnitHierarchyError(input.level, parent.level);
    }
    const unit = await this.units.create({
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: input.parentId ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
    });
    // A new unit below someone's unit widens their scope.
    if (unit.parentId) this.invalidations.invalidate(CacheTags.scopes);
    return unit;
  }

  /** Where a unit lies (in itself), for `@InScope('administrativeUnit')`: seen by those of it and above. */
  @ResolvesScope('administrativeUnit')
  async locate(id: string): Promise<RecordLocation | null> {
    try {
      await this.get(id);
      return { administrativeUnitId: id };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  async get(id: string): Promise<AdministrativeUnit> {
    const unit = await this.units.findById(id);
    if (!unit) throw new NotFoundError('AdministrativeUnit', id);
    return unit;
  }

  list(query: ListAdministrativeUnitsQuery): Promise<[AdministrativeUnit[], number]> {
    return this.units.list(query);
  }

  /** Ids that do not exist, so callers can refuse them all at once. */
  async findMissing(ids: readonly string[]): Promise<string[]> {
    const existing = await this.units.findExistingIds(ids);
    return ids.filter((id) => !existing.has(id));
  }

  /** The units and every unit below them, at any depth. */
  subtreeIds(...rootIds: string[]): Promise<string[]> {
    return this.units.findSubtreeIds(rootIds);
  }
}
