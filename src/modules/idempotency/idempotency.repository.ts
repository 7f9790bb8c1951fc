import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

export type RecordId = Pick<IdempotencyRecord, 'principalId' | 'key'>;

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Claims the key; false when a record for it already exists (the unique key decides races). */
  async claim(record: Omit<IdempotencyRecord, 'responseStatus' | 'responseBody'>): Promise<boolean> {
    // Plain SQL: every write with an Idempotency-Key runs it (TypeORM's insert builder cost more CPU).
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO idempotency_keys (principal_id, key, method, path, request_hash, state, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING key`,
      [
        record.principalId,
        record.key,
        record.method,
        record.path,
        record.requestHash,
        record.state,
        record.createdAt,
        record.expiresAt,
      ],
    );
    return rows.length > 0;
  }

  find(id: RecordId): Promise<IdempotencyRecord | null> {
    return this.manager.findOneBy(IdempotencyRecord, id);
  }

  async complete(id: RecordId, status: number, body: unknown): Promise<void> {
    // Serialised as the client received it; a 204's undefined body is stored as null.
    await this.manager.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $1, response_body = $2::jsonb
       WHERE principal_id = $3 AND key = $4`,
      [status, JSON.stringify(body ?? null), id.principalId, id.key],
    );
  }

  /** Frees a key whose request failed or whose record expired, so it can be used again. */
  async release(id: RecordId, state?: IdempotencyRecord['state']): Promise<void> {
    await this.manager.delete(IdempotencyRecord, state ? { ...id, state } : id);
  }

  /** Deletes the records that expired before `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyRecord)
      .where('expires_at < :now', { now })
      .execute();
    return result.affected ?? 0;
  }
}
