import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import { HouseholdImport } from './household-import.entity.js';

export type ImportOutcome = Pick<
  HouseholdImport,
  | 'status'
  | 'rowsTotal'
  | 'householdsTotal'
  | 'householdsDone'
  | 'createdCount'
  | 'updatedCount'
  | 'unchangedCount'
  | 'errorCount'
  | 'errors'
  | 'warnings'
  | 'failure'
>;

@Injectable()
export class ImportsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  async insert(values: Partial<HouseholdImport>): Promise<HouseholdImport> {
    const record = this.manager.create(HouseholdImport, values);
    await this.manager.insert(HouseholdImport, record);
    return record;
  }

  findById(id: string): Promise<HouseholdImport | null> {
    return this.manager.findOneBy(HouseholdImport, { id });
  }

  async contentOf(id: string): Promise<Buffer | null> {
    const rows: Array<{ content: Buffer | null }> = await this.manager.query(
      `SELECT content FROM household_imports WHERE id = $1`,
      [id],
    );
    return rows[0]?.content ?? null;
  }

  async projectOf(id: string): Promise<string | null> {
    const rows: Array<{ project_id: string }> = await this.manager.query(
      `SELECT project_id FROM household_imports WHERE id = $1`,
      [id],
    );
    return rows[0]?.project_id ?? null;
  }

  /** Takes a queued import to run it; false when another run already has it (a re-delivered job). */
  async claim(id: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `UPDATE household_imports SET status = 'running', started_at = $2 WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id, now],
    );
    return rows.length > 0;
  }

  async progress(id: string, fields: { householdsTotal?: number; householdsDone: number }): Promise<void> {
    await this.manager.query(
      `UPDATE household_imports SET households_done = $2, households_total = coalesce($3, households_total) WHERE id = $1`,
      [id, fields.householdsDone, fields.householdsTotal ?? null],
    );
  }

  /** Records how it ended and lets go of the file's bytes. */
  async finish(id: string, outcome: ImportOutcome, now: Date): Promise<void> {
    await this.manager.query(
      `UPDATE household_imports
          SET status = $2, rows_total = $3, households_total = $4, households_done = $5, created_count = $6,
              updated_count = $7, unchanged_count = $8, error_count = $9, errors = $10, warnings = $11, failure = $12,
              finished_at = $13, content = NULL
        WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.rowsTotal,
        outcome.householdsTotal,
        outcome.householdsDone,
        outcome.createdCount,
        outcome.updatedCount,
        outcome.unchangedCount,
        outcome.errorCount,
        JSON.stringify(outcome.errors),
        JSON.stringify(outcome.warnings),
        outcome.failure,
        now,
      ],
    );
  }

  listForProject(projectId: string, limit: number, offset: number): Promise<[HouseholdImport[], number]> {
    return this.manager.findAndCount(HouseholdImport, {
      where: { projectId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }
}
