import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LegalMilestone } from './legal-milestone.entity.js';
import { TransactionHost } from '../../../database/transaction-host.js';

@Injectable()
export class MilestonesRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  insert(milestone: Partial<LegalMilestone>): Promise<LegalMilestone> {
    return this.manager.save(LegalMilestone, this.manager.create(LegalMilestone, milestone));
  }

  /** A project's milestones in the order they happened. Projects have tens of them, not thousands. */
  ofProject(projectId: string): Promise<LegalMilestone[]> {
    return this.manager.find(LegalMilestone, {
      where: { projectId },
      order: { occurredOn: 'ASC', createdAt: 'ASC' },
    });
  }

  all(): Promise<LegalMilestone[]> {
    return this.manager.find(LegalMilestone, { order: { occurredOn: 'ASC', createdAt: 'ASC' } });
  }
}
