import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnforcementRecord } from './enforcement-record.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { EnforcementRecordOpenError } from './enforcement.errors.js';

@Injectable()
export class EnforcementRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<EnforcementRecord | null> {
    return this.manager.findOneBy(EnforcementRecord, { id });
  }

  /** Locks the record: schedule, comply and execute on one record queue up behind each other. */
  findByIdForUpdate(id: string): Promise<EnforcementRecord | null> {
    return this.manager.findOne(EnforcementRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A household's records, newest first. */
  listForHousehold(householdId: string): Promise<EnforcementRecord[]> {
    return this.manager.find(EnforcementRecord, {
      where: { householdId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** A household has at most one open record; a second one is refused. */
  insert(record: Partial<EnforcementRecord> & { householdId: string }): Promise<EnforcementRecord> {
    return mapUniqueViolations(
      () => this.manager.save(EnforcementRecord, this.manager.create(EnforcementRecord, record)),
      { enforcement_records_household_open_key: () => new EnforcementRecordOpenError(record.householdId) },
    );
  }

  save(record: EnforcementRecord): Promise<EnforcementRecord> {
    return this.manager.save(EnforcementRecord, record);
  }
}
