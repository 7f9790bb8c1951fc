import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox row stays the record of truth until its job has completed (or failed for good), so a
 * Redis that loses its data loses no job: unfinished rows are found and published again. The
 * deployment's identity lets a process tell whether a Redis queue prefix belongs to its database.
 */
export class DurableJobs1764460000000 implements MigrationInterface {
  name = 'DurableJobs1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox ADD COLUMN completed_at timestamptz, ADD COLUMN failed_at timestamptz`);
    // Rows published before this release are taken as done: their jobs ran under the old rules.
    await q.query(`UPDATE job_outbox SET completed_at = published_at WHERE published_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX job_outbox_unfinished_idx ON job_outbox (published_at)
      WHERE published_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL`);
    await q.query(`CREATE INDEX job_outbox_open_job_idx ON job_outbox (job_id) WHERE completed_at IS NULL`);
    await q.query(`CREATE INDEX job_outbox_completed_idx ON job_outbox (completed_at) WHERE completed_at IS NOT NULL`);
    await q.query(`CREATE INDEX job_outbox_failed_idx ON job_outbox (failed_at) WHERE failed_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE deployment (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO deployment DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment`);
    await q.query(`DROP INDEX job_outbox_failed_idx`);
    await q.query(`DROP INDEX job_outbox_completed_idx`);
    await q.query(`DROP INDEX job_outbox_open_job_idx`);
    await q.query(`DROP INDEX job_outbox_unfinished_idx`);
    await q.query(`ALTER TABLE job_outbox DROP COLUMN completed_at, DROP COLUMN failed_at`);
  }
}
