import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of a district's household list (CSV or XLSX): each attempt, dry run or commit, with its
 * counts, its errors by row and column, and its progress while a job runs it. The file's bytes are
 * kept only until it has run.
 */
export class HouseholdImports1764550000000 implements MigrationInterface {
  name = 'HouseholdImports1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE household_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        mode varchar(8) NOT NULL CHECK (mode IN ('dry_run', 'commit')),
        status varchar(16) NOT NULL
          CHECK (status IN ('queued', 'running', 'checked', 'committed', 'rejected', 'failed')),
        file_name varchar(255) NOT NULL,
        file_format varchar(8) NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
        encoding varchar(16),
        sha256 char(64) NOT NULL,
        content bytea,
        rows_total integer NOT NULL DEFAULT 0,
        households_total integer NOT NULL DEFAULT 0,
        households_done integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_by varchar(200) NOT NULL,
        created_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX household_imports_project_idx ON household_imports (project_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_imports`);
  }
}
