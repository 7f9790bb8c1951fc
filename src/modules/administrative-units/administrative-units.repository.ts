import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { AdministrativeUnit } from './administrative-unit.entity.js';
import { AdministrativeUnitCodeTakenError } from './administrative-units.errors.js';
import type { ListAdministrativeUnitsQuery } from './dto/list-administrative-units.query.js';

@Injectable()
export class AdministrativeUnitsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<AdministrativeUnit | null> {
    return this.manager.findOneBy(AdministrativeUnit, { id });
  }

  async findExistingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.manager.find(AdministrativeUnit, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((row) => row.id));
  }

  /** The unit and every unit below it, at any depth: the scope a ward chair's statistics cover. */
  async findSubtreeIds(rootIds: readonly string[]): Promise<string[]> {
    if (rootIds.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM administrative_units WHERE id = ANY($1)
         UNION
         SELECT child.id FROM administrative_units child JOIN subtree ON child.parent_id = subtree.id
       )
       SELECT id FROM subtree`,
      [rootIds],
    );
    return rows.map((row) => row.id);
  }

  async list(query: ListAdministrativeUnitsQuery): Promise<[AdministrativeUnit[], number]> {
    const builder = this.manager.createQueryBuilder(AdministrativeUnit, 'unit');
    if (query.parentId) builder.andWhere('unit.parent_id = :parentId', { parentId: query.parentId });
    if (query.level) builder.andWhere('unit.level = :level', { level: query.level });
    if (query.validOn) {
      builder
        .andWhere('(unit.valid_from IS NULL OR unit.valid_from <= :validOn)', { validOn: query.validOn })
        .andWhere('(unit.valid_to IS NULL OR unit.valid_to >= :validOn)', { validOn: query.validOn });
    }
    if (query.q) {
      builder.andWhere(`gpmb_fold(unit.code || ' ' || unit.name) LIKE '%' || gpmb_fold(:q) || '%'`, {
        q: escapeLike(query.q),
      });
    }
    return builder.orderBy('unit.code', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
  }

  create(unit: Partial<AdministrativeUnit> & { code: string }): Promise<AdministrativeUnit> {
    return mapUniqueViolations(
      () => this.manager.save(AdministrativeUnit, this.manager.create(AdministrativeUnit, unit)),
      { administrative_units_code_key: () => new AdministrativeUnitCodeTakenError(unit.code) },
    );
  }
}
