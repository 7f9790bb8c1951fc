import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (photos of signed minutes, delivered notices, written commitments) attached to a
 * visit, a dialogue session, a consent move, a complaint or an enforcement record. A row is never
 * changed or deleted: a better copy supersedes it (`supersedes_id`, at most once per file). The
 * content lives in the evidence storage under its SHA-256.
 */
export class EvidenceFiles1764530000000 implements MigrationInterface {
  name = 'EvidenceFiles1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The order of uploads, even within one instant.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        project_id uuid NOT NULL REFERENCES projects(id),
        household_id uuid REFERENCES households(id),
        subject_type varchar(32) NOT NULL
          CHECK (subject_type IN ('visit', 'dialogueSession', 'consentMove', 'complaint', 'enforcementRecord')),
        subject_id varchar(40) NOT NULL,
        kind varchar(32) NOT NULL,
        description text,
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key varchar(200) NOT NULL,
        supersedes_id uuid UNIQUE REFERENCES evidence_files(id),
        supersede_reason text,
        uploaded_by varchar(200) NOT NULL,
        uploaded_by_id uuid,
        uploaded_at timestamptz NOT NULL,
        CHECK ((supersedes_id IS NULL) = (supersede_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX evidence_files_subject_idx ON evidence_files (subject_type, subject_id, seq)`);
    await q.query(`CREATE INDEX evidence_files_household_idx ON evidence_files (household_id, seq)`);
    await q.query(`CREATE INDEX evidence_files_project_idx ON evidence_files (project_id)`);
    await q.query(`
      CREATE FUNCTION evidence_files_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'evidence files are never changed or deleted; upload a file that supersedes it'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER evidence_files_are_kept BEFORE UPDATE OR DELETE ON evidence_files
        FOR EACH ROW EXECUTE FUNCTION evidence_files_are_kept()`);
    // Enforcement preconditions point at the files that prove them: [{ precondition, evidenceId }].
    await q.query(`ALTER TABLE enforcement_records ADD COLUMN precondition_evidence jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enforcement_records DROP COLUMN precondition_evidence`);
    await q.query(`DROP TABLE evidence_files`);
    await q.query(`DROP FUNCTION evidence_files_are_kept()`);
  }
}
