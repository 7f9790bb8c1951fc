import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
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

  /** A project's records in these statuses, newest first. */
  listForProject(projectId: string, statuses: readonly string[]): Promise<EnforcementRecord[]> {
    return this.manager
      .createQueryBuilder(EnforcementRecord, 'r')
      .where('r.project_id = :projectId', { projectId })
      .andWhere('r.status = ANY(:statuses::varchar[])', { statuses })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(500)
      .getMany();
  }

  /** A household's records, newest first. */
  listForHousehold(householdId: string): Promise<EnforcementRecord[]> {
    return this.manager.find(EnforcementRecord, {
      where: { householdId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Records with a date coming due by `until` (or already past): scheduled enforcement before
   * `untilInstant`, and hand-overs after compliance not yet made, due by `until`.
   */
  dueBy(
    projectIds: readonly string[],
    householdIds: readonly string[] | null,
    until: string,
    untilInstant: Date,
  ): Promise<EnforcementRecord[]> {
    if (projectIds.length === 0 || householdIds?.length === 0) return Promise.resolve([]);
    const builder = this.manager
      .createQueryBuilder(EnforcementRecord, 'r')
      .where('r.project_id = ANY(:projectIds::uuid[])', { projectIds })
      .andWhere(
        new Brackets((q) =>
          q
            .where(`r.status = 'scheduled' AND r.scheduled_at < :untilInstant`, { untilInstant })
            .orWhere(`r.status = 'complied' AND r.handed_over_on IS NULL AND r.handover_due_on <= :until`, { until }),
        ),
      )
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(500);
    if (householdIds) builder.andWhere('r.household_id = ANY(:householdIds::uuid[])', { householdIds });
    return builder.getMany();
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
