import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import type { UnitStatus } from './domain/resettlement-unit.js';
import { UnitCodesTakenError } from './resettlement.errors.js';
import { ResettlementUnit } from './resettlement-unit.entity.js';
import type { Page } from './waiting-list.sql.js';

/** The units (flats, plots) of resettlement funds. */
@Injectable()
export class UnitsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  async insertUnits(
    fundId: string,
    rows: Array<Partial<ResettlementUnit> & { code: string }>,
  ): Promise<ResettlementUnit[]> {
    const codes = rows.map((row) => row.code);
    const taken = await this.manager.find(ResettlementUnit, {
      select: { code: true },
      where: { fundId, code: In(codes) },
      order: { code: 'ASC' },
    });
    if (taken.length)
      throw new UnitCodesTakenError(
        fundId,
        taken.map((row) => row.code),
      );
    return mapUniqueViolations(
      () =>
        this.manager.save(
          ResettlementUnit,
          rows.map((row) => this.manager.create(ResettlementUnit, { ...row, fundId })),
        ),
      { resettlement_units_fund_code_key: () => new UnitCodesTakenError(fundId, codes) },
    );
  }

  listUnits(fundId: string, status: UnitStatus | undefined, page: Page): Promise<[ResettlementUnit[], number]> {
    return this.manager.findAndCount(ResettlementUnit, {
      where: { fundId, ...(status ? { status } : {}) },
      order: { code: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  lockAvailableUnits(fundId: string): Promise<ResettlementUnit[]> {
    return this.manager
      .createQueryBuilder(ResettlementUnit, 'unit')
      .where('unit.fund_id = :fundId', { fundId })
      .andWhere(`unit.status = 'available'`)
      .orderBy('unit.code', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  findUnitForUpdate(id: string): Promise<ResettlementUnit | null> {
    return this.manager.findOne(ResettlementUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveUnit(unit: ResettlementUnit): Promise<ResettlementUnit> {
    return this.manager.save(ResettlementUnit, unit);
  }
}
