import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enforcement records (cưỡng chế, LL2024 art. 89): the decision, its posting and delivery, the
 * persuasion file, the scheduled time and how it ended. At most one open record per household.
 */
export class Enforcement1764415000000 implements MigrationInterface {
  name = 'Enforcement1764415000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households(id),
        project_id uuid NOT NULL REFERENCES projects(id),
        decision_no varchar(100) NOT NULL CHECK (length(decision_no) > 0),
        decision_issued_on date NOT NULL,
        decision_posted_on date,
        delivery varchar(16) CHECK (delivery IN ('delivered', 'refused')),
        delivered_on date,
        delivery_note text,
        persuasion_attestations jsonb NOT NULL DEFAULT '[]'::jsonb
          CHECK (jsonb_typeof(persuasion_attestations) = 'array'),
        dialogue_session_id uuid REFERENCES dialogue_sessions(id),
        persuasion_note text,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'ready', 'scheduled', 'executed', 'complied', 'cancelled')),
        scheduled_at timestamptz,
        complied_on date,
        handover_due_on date,
        handover_due_basis varchar(200),
        handed_over_on date,
        outcome text,
        cancel_reason text,
        created_by varchar(200) NOT NULL,
        created_by_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enforcement_records_delivery_dated CHECK ((delivery IS NULL) = (delivered_on IS NULL)),
        CONSTRAINT enforcement_records_refusal_witnessed CHECK (delivery IS DISTINCT FROM 'refused' OR delivery_note IS NOT NULL),
        CONSTRAINT enforcement_records_posted_after_issue CHECK (decision_posted_on >= decision_issued_on),
        CONSTRAINT enforcement_records_delivered_after_issue CHECK (delivered_on >= decision_issued_on),
        CONSTRAINT enforcement_records_scheduled_has_time
          CHECK (status NOT IN ('scheduled', 'executed', 'complied') OR scheduled_at IS NOT NULL),
        CONSTRAINT enforcement_records_complied_fields
          CHECK ((status = 'complied') = (complied_on IS NOT NULL) AND (complied_on IS NULL) = (handover_due_on IS NULL)),
        CONSTRAINT enforcement_records_executed_fields CHECK ((status = 'executed') = (handed_over_on IS NOT NULL)),
        CONSTRAINT enforcement_records_cancel_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX enforcement_records_household_open_key ON enforcement_records (household_id)
      WHERE status IN ('draft', 'ready', 'scheduled')`);
    await q.query(
      `CREATE INDEX enforcement_records_household_idx ON enforcement_records (household_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX enforcement_records_project_idx ON enforcement_records (project_id, status)`);
    await q.query(
      `CREATE INDEX enforcement_records_handover_due_idx ON enforcement_records (handover_due_on) WHERE status = 'complied'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_records`);
  }
}
