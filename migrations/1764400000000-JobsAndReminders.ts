import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The job outbox, stored reminders, and the per-project staleness threshold. */
export class JobsAndReminders1764400000000 implements MigrationInterface {
  name = 'JobsAndReminders1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        job_id varchar(200) NOT NULL,
        delay_ms integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX job_outbox_pending_idx ON job_outbox (id) WHERE published_at IS NULL`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(48) NOT NULL,
        subject_type varchar(32) NOT NULL,
        subject_id uuid NOT NULL,
        project_id uuid REFERENCES projects(id),
        household_id uuid REFERENCES households(id),
        administrative_unit_id uuid REFERENCES administrative_units(id),
        assignee_user_id uuid REFERENCES users(id),
        assignee_role varchar(16) CHECK (assignee_role IN ('admin', 'chair', 'officer', 'supervisor')),
        title text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        due_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'open', 'acknowledged', 'done', 'cancelled')),
        dedupe_key varchar(200) NOT NULL,
        fired_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        done_at timestamptz,
        done_by uuid,
        cancelled_at timestamptz,
        cancel_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminders_dedupe_key UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX reminders_project_idx ON reminders (project_id, status, due_at)`);
    await q.query(`CREATE INDEX reminders_household_idx ON reminders (household_id, kind, status)`);
    await q.query(`CREATE INDEX reminders_assignee_idx ON reminders (assignee_user_id, status)`);

    await q.query(
      `ALTER TABLE projects ADD COLUMN stale_after_days integer NOT NULL DEFAULT 14 CHECK (stale_after_days > 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects DROP COLUMN stale_after_days`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE job_outbox`);
  }
}
