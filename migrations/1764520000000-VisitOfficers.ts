import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers of a visit as accounts (users.id), beside the names kept for the record (`officers`,
 * which the demo's historical visits and people without an account still use alone).
 */
export class VisitOfficers1764520000000 implements MigrationInterface {
  name = 'VisitOfficers1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE visits ADD COLUMN officer_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX visits_officer_ids_idx ON visits USING gin (officer_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX visits_officer_ids_idx`);
    await q.query(`ALTER TABLE visits DROP COLUMN officer_ids`);
  }
}
