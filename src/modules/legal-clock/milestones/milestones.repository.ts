import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LegalMilestone } from './legal-milestone.entity.js';

@Injectable()
export class MilestonesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(milestone: Partial<LegalMilestone>): Promise<LegalMilestone> {
    const repo = this.dataSource.getRepository(LegalMilestone);
    return repo.save(repo.create(milestone));
  }

  /** A project's milestones in the order they happened. Projects have tens of them, not thousands. */
  ofProject(projectId: string): Promise<LegalMilestone[]> {
    return this.dataSource.manager.find(LegalMilestone, {
      where: { projectId },
      order: { occurredOn: 'ASC', createdAt: 'ASC' },
    });
  }

  all(): Promise<LegalMilestone[]> {
    return this.dataSource.manager.find(LegalMilestone, { order: { occurredOn: 'ASC', createdAt: 'ASC' } });
  }
}
