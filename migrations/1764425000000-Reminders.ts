import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reminder jobs and list: producers cancel by dedupe-key prefix (a household's
 * follow-ups, a session's announcements), and ward reminders (digests) are listed by unit.
 */
export class Reminders1764425000000 implements MigrationInterface {
  name = 'Reminders1764425000000';

  async up(q: QueryRunner): Promise<void> {
    // text_pattern_ops: `dedupe_key LIKE 'follow-up:<id>:%'` uses it whatever the collation.
    await q.query(`
      CREATE INDEX reminders_live_key_prefix_idx ON reminders (dedupe_key text_pattern_ops)
      WHERE status IN ('scheduled', 'open')`);
    await q.query(`CREATE INDEX reminders_unit_idx ON reminders (administrative_unit_id, status, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reminders_unit_idx`);
    await q.query(`DROP INDEX reminders_live_key_prefix_idx`);
  }
}
