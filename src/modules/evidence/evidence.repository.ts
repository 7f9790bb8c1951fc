import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import type { EvidenceSubject } from './domain/evidence.rules.js';
import { EvidenceFile, type EvidenceView } from './evidence-file.entity.js';

@Injectable()
export class EvidenceRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Files with the id of their successor, oldest first. */
  private views(): SelectQueryBuilder<EvidenceFile> {
    return this.manager
      .createQueryBuilder(EvidenceFile, 'e')
      .leftJoin(EvidenceFile, 'next', 'next.supersedes_id = e.id')
      .addSelect('next.id', 'superseded_by_id')
      .orderBy('e.seq', 'ASC');
  }

  private async many(builder: SelectQueryBuilder<EvidenceFile>): Promise<EvidenceView[]> {
    const { entities, raw } = await builder.getRawAndEntities<{ e_id: string; superseded_by_id: string | null }>();
    const successors = new Map(raw.map((row) => [row.e_id, row.superseded_by_id]));
    return entities.map((file) => ({ ...file, supersededById: successors.get(file.id) ?? null }));
  }

  async findById(id: string): Promise<EvidenceView | null> {
    const [found] = await this.many(this.views().where('e.id = :id', { id }));
    return found ?? null;
  }

  findByIds(ids: readonly string[]): Promise<EvidenceView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.many(this.views().where('e.id IN (:...ids)', { ids }));
  }

  /** Holds the file against a concurrent supersede until the transaction ends. */
  async lock(id: string): Promise<void> {
    await this.manager.query(`SELECT 1 FROM evidence_files WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Where a file lies, for scope checks: its project, or its unit. */
  async locationOf(id: string): Promise<{ projectId: string | null; administrativeUnitId: string | null } | null> {
    const rows: Array<{ project_id: string | null; administrative_unit_id: string | null }> = await this.manager.query(
      `SELECT project_id, administrative_unit_id FROM evidence_files WHERE id = $1`,
      [id],
    );
    return rows[0] ? { projectId: rows[0].project_id, administrativeUnitId: rows[0].administrative_unit_id } : null;
  }

  listForSubject(type: EvidenceSubject, id: string, includeSuperseded: boolean): Promise<EvidenceView[]> {
    const builder = this.views().where('e.subject_type = :type AND e.subject_id = :id', { type, id });
    if (!includeSuperseded) builder.andWhere('next.id IS NULL');
    return this.many(builder);
  }

  listForHousehold(householdId: string, includeSuperseded: boolean): Promise<EvidenceView[]> {
    const builder = this.views().where('e.household_id = :householdId', { householdId });
    if (!includeSuperseded) builder.andWhere('next.id IS NULL');
    return this.many(builder);
  }

  /** A current file of the subject with exactly these bytes: a second upload of them is the same evidence. */
  async findCurrentCopy(type: EvidenceSubject, id: string, sha256: string): Promise<EvidenceView | null> {
    const [found] = await this.many(
      this.views()
        .where('e.subject_type = :type AND e.subject_id = :id AND e.sha256 = :sha256', { type, id, sha256 })
        .andWhere('next.id IS NULL')
        .limit(1),
    );
    return found ?? null;
  }

  async insert(values: Omit<EvidenceFile, 'id' | 'seq'>): Promise<EvidenceFile> {
    const file = this.manager.create(EvidenceFile, values);
    await this.manager.insert(EvidenceFile, file);
    return file;
  }
}
