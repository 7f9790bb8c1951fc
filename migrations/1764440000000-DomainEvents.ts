import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain events: each outbox row names its queue (a subscriber's job is not in the static job
 * table), and every subscriber records the events it has handled, in the transaction of its effect,
 * so a retried or re-published event never has its effect twice.
 */
export class DomainEvents1764440000000 implements MigrationInterface {
  name = 'DomainEvents1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox ADD COLUMN queue varchar(32)`);
    await q.query(`
      UPDATE job_outbox SET queue = CASE
        WHEN name LIKE 'reminders.%' OR name = 'projects.check-threshold' THEN 'reminders'
        WHEN name LIKE 'resettlement.%' THEN 'resettlement'
        WHEN name LIKE 'webhooks.%' THEN 'webhooks'
        ELSE 'maintenance' END`);
    await q.query(`ALTER TABLE job_outbox ALTER COLUMN queue SET NOT NULL`);

    await q.query(`
      CREATE TABLE event_receipts (
        handler varchar(100) NOT NULL,
        event_id uuid NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (handler, event_id)
      )`);
    await q.query(`CREATE INDEX event_receipts_handled_at_idx ON event_receipts (handled_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_receipts`);
    await q.query(`ALTER TABLE job_outbox DROP COLUMN queue`);
  }
}
