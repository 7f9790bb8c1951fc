import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProjectStatsSnapshot } from './project-stats-snapshot.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class TimelineRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Ids of every project, archived or not: a suspended project's flat line is still a line. */
  async allProjectIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM projects ORDER BY id`);
    return rows.map((row) => row.id);
  }

  /**
   * One row per project and day: a re-run the same day replaces that day's figures. Written with
   * listeners off, as bookkeeping the audit trail has no use for.
   */
  async upsert(snapshots: Omit<ProjectStatsSnapshot, 'id'>[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(ProjectStatsSnapshot)
      .values(snapshots)
      .orUpdate(
        [
          'households_total',
          'households_consented',
          'households_conditional',
          'households_handed_over',
          'consent_rate',
          'handed_over_rate',
          'area_total_m2',
          'area_consented_m2',
          'area_handed_over_m2',
          'area_consent_rate',
          'by_status',
          'taken_at',
        ],
        ['project_id', 'taken_on'],
      )
      .callListeners(false)
      .execute();
  }

  between(projectId: string, from: string | undefined, to: string | undefined): Promise<ProjectStatsSnapshot[]> {
    const builder = this.manager
      .createQueryBuilder(ProjectStatsSnapshot, 'snapshot')
      .where('snapshot.project_id = :projectId', { projectId });
    if (from) builder.andWhere('snapshot.taken_on >= :from', { from });
    if (to) builder.andWhere('snapshot.taken_on <= :to', { to });
    return builder.orderBy('snapshot.taken_on', 'ASC').getMany();
  }
}
