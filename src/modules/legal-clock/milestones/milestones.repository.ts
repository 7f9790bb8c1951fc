import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../../database/transaction-host.js';
import { LegalMilestone } from './legal-milestone.entity.js';

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

  /** Projects that have milestones. */
  async projectIds(): Promise<string[]> {
    const rows: { project_id: string }[] = await this.manager.query(
      `SELECT DISTINCT project_id FROM legal_milestones ORDER BY project_id`,
    );
    return rows.map((row) => row.project_id);
  }
}
