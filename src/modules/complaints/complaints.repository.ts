import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
import { ComplaintEvent } from './complaint-event.entity.js';
import { Complaint } from './complaint.entity.js';
import type { ComplaintStatus } from './domain/complaint-status.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ComplaintListFilter {
  status?: ComplaintStatus[];
  /** true: only overdue on `today`; false: only not overdue. */
  overdue?: boolean;
  /** Only open complaints whose running deadline is on or before this date (overdue ones included). */
  dueBy?: string;
  today: string;
  limit: number;
  offset: number;
}

/** The SQL twin of domain/complaint.rules.ts isOverdue(). */
const OVERDUE = `((complaint.status = 'received' AND complaint.accept_due_on < :today)
  OR (complaint.status = 'accepted' AND complaint.resolve_due_on < :today))`;

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<Complaint | null> {
    return this.manager.findOneBy(Complaint, { id });
  }

  findByIdForUpdate(id: string): Promise<Complaint | null> {
    return this.manager.findOne(Complaint, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(complaint: Partial<Complaint>): Promise<Complaint> {
    return this.manager.save(Complaint, this.manager.create(Complaint, complaint));
  }

  save(complaint: Complaint): Promise<Complaint> {
    return this.manager.save(Complaint, complaint);
  }

  async appendEvent(event: Partial<ComplaintEvent>): Promise<void> {
    await this.manager.save(ComplaintEvent, this.manager.create(ComplaintEvent, event));
  }

  history(complaintId: string): Promise<ComplaintEvent[]> {
    return this.manager.find(ComplaintEvent, { where: { complaintId }, order: { seq: 'ASC' } });
  }

  listForHousehold(householdId: string, limit: number, offset: number): Promise<[Complaint[], number]> {
    return this.manager.findAndCount(Complaint, {
      where: { householdId },
      order: { receivedOn: 'DESC', createdAt: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  listForProject(projectId: string, filter: ComplaintListFilter): Promise<[Complaint[], number]> {
    const builder = this.manager
      .createQueryBuilder(Complaint, 'complaint')
      .where('complaint.project_id = :projectId', { projectId });
    if (filter.status?.length) builder.andWhere('complaint.status IN (:...statuses)', { statuses: filter.status });
    if (filter.overdue === true) builder.andWhere(OVERDUE, { today: filter.today });
    if (filter.overdue === false)
      builder.andWhere(new Brackets((b) => b.where(`NOT ${OVERDUE}`, { today: filter.today })));
    if (filter.dueBy) {
      builder.andWhere(
        `((complaint.status = 'received' AND complaint.accept_due_on <= :dueBy)
          OR (complaint.status = 'accepted' AND complaint.resolve_due_on <= :dueBy))`,
        { dueBy: filter.dueBy },
      );
    }
    return builder
      .orderBy('complaint.received_on', 'ASC')
      .addOrderBy('complaint.created_at', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  /** Open complaints whose running deadline was computed with rule `code`. */
  async idsUsingRule(code: string): Promise<string[]> {
    const rows = await this.manager
      .createQueryBuilder(Complaint, 'complaint')
      .select('complaint.id', 'id')
      .where(`complaint.status = 'received' AND complaint.accept_rule_code = :code`, { code })
      .orWhere(
        `complaint.status = 'accepted' AND complaint.resolve_due_source = 'rule' AND complaint.resolve_rule_code = :code`,
        { code },
      )
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Open complaints of these projects (and households, when given) with a deadline on or before `until`. */
  dueBy(projectIds: readonly string[], householdIds: readonly string[] | null, until: string): Promise<Complaint[]> {
    if (projectIds.length === 0 || householdIds?.length === 0) return Promise.resolve([]);
    const builder = this.manager
      .createQueryBuilder(Complaint, 'c')
      .where('c.project_id = ANY(:projectIds::uuid[])', { projectIds })
      .andWhere(
        new Brackets((q) =>
          q
            .where(`c.status = 'received' AND c.accept_due_on <= :until`, { until })
            .orWhere(`c.status = 'accepted' AND c.resolve_due_on <= :until`, { until }),
        ),
      )
      .orderBy('c.received_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(500);
    if (householdIds) builder.andWhere('c.household_id = ANY(:householdIds::uuid[])', { householdIds });
    return builder.getMany();
  }
}
