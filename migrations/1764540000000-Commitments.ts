import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hard-task commitments (đăng ký việc khó): a cadre's registered task with its scope, target and
 * deadline, its progress updates, and the supervisor's (Fatherland Front) year-end review. Evidence
 * files can be attached to a commitment, which may lie in a unit rather than a project.
 */
export class Commitments1764540000000 implements MigrationInterface {
  name = 'Commitments1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_units(id),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        owner_id uuid NOT NULL REFERENCES users(id),
        owner_name varchar(200) NOT NULL,
        owner_title varchar(200),
        title varchar(500) NOT NULL,
        scope_kind varchar(16) NOT NULL CHECK (scope_kind IN ('project', 'households', 'free_text')),
        project_id uuid REFERENCES projects(id),
        household_ids uuid[] NOT NULL DEFAULT '{}',
        scope_text text,
        target text NOT NULL,
        deadline date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_done')),
        closed_at timestamptz,
        closing_note text,
        review_rating varchar(24)
          CHECK (review_rating IN ('excellent', 'good', 'completed', 'not_completed')),
        review_comments text,
        reviewed_by varchar(200),
        reviewed_by_id uuid,
        reviewed_at timestamptz,
        created_by varchar(200) NOT NULL,
        created_by_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT commitments_scope_project CHECK ((scope_kind = 'free_text') = (project_id IS NULL)),
        CONSTRAINT commitments_scope_households CHECK (scope_kind <> 'households' OR cardinality(household_ids) > 0),
        CONSTRAINT commitments_scope_text CHECK (scope_kind <> 'free_text' OR scope_text IS NOT NULL),
        CONSTRAINT commitments_closed CHECK ((status = 'open') = (closed_at IS NULL)),
        CONSTRAINT commitments_reviewed CHECK ((review_rating IS NULL) = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX commitments_unit_year_idx ON commitments (administrative_unit_id, year)`);
    await q.query(`CREATE INDEX commitments_project_idx ON commitments (project_id) WHERE project_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE commitment_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        commitment_id uuid NOT NULL REFERENCES commitments(id),
        at timestamptz NOT NULL,
        note text NOT NULL,
        progress_percent smallint CHECK (progress_percent BETWEEN 0 AND 100),
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        author varchar(200) NOT NULL,
        author_id uuid
      )`);
    await q.query(`CREATE INDEX commitment_updates_commitment_idx ON commitment_updates (commitment_id, seq)`);

    // Evidence of a commitment: it lies in a project or, for a free-text task, in a unit.
    await q.query(`ALTER TABLE evidence_files ALTER COLUMN project_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE evidence_files ADD COLUMN administrative_unit_id uuid REFERENCES administrative_units(id)`,
    );
    await q.query(`ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_located
      CHECK (project_id IS NOT NULL OR administrative_unit_id IS NOT NULL)`);
    await q.query(`ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_subject_type_check`);
    await q.query(`ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_subject_type_check
      CHECK (subject_type IN ('visit', 'dialogueSession', 'consentMove', 'complaint', 'enforcementRecord', 'commitment'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_subject_type_check`);
    await q.query(`ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_subject_type_check
      CHECK (subject_type IN ('visit', 'dialogueSession', 'consentMove', 'complaint', 'enforcementRecord'))`);
    await q.query(`ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_located`);
    await q.query(`ALTER TABLE evidence_files DROP COLUMN administrative_unit_id`);
    await q.query(`ALTER TABLE evidence_files ALTER COLUMN project_id SET NOT NULL`);
    await q.query(`DROP TABLE commitment_updates`);
    await q.query(`DROP TABLE commitments`);
  }
}
