import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A relay claims a batch of outbox rows for a short lease instead of holding row locks while it
 * talks to Redis: the claim is one statement, the publishing happens outside any transaction, and
 * a relay that dies mid-batch leaves rows whose lease simply runs out.
 */
export class OutboxLeases1764480000000 implements MigrationInterface {
  name = 'OutboxLeases1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox ADD COLUMN claimed_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox DROP COLUMN claimed_until`);
  }
}
