import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EnforcementRecord } from './enforcement-record.entity.js';

@Injectable()
export class EnforcementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<EnforcementRecord | null> {
    return this.dataSource.manager.findOneBy(EnforcementRecord, { id });
  }

  /** Locks the record: schedule, comply and execute on one record queue up behind each other. */
  findByIdForUpdate(id: string, em: EntityManager): Promise<EnforcementRecord | null> {
    return em.findOne(EnforcementRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A household's records, newest first. */
  listForHousehold(householdId: string): Promise<EnforcementRecord[]> {
    return this.dataSource.manager.find(EnforcementRecord, {
      where: { householdId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  insert(record: Partial<EnforcementRecord>, em?: EntityManager): Promise<EnforcementRecord> {
    const manager = em ?? this.dataSource.manager;
    return manager.save(EnforcementRecord, manager.create(EnforcementRecord, record));
  }

  save(record: EnforcementRecord, em: EntityManager): Promise<EnforcementRecord> {
    return em.save(EnforcementRecord, record);
  }
}
