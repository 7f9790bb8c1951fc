import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working groups (tổ công tác) of a project, their members over time, and which group is
 * responsible for which household over time. Nothing here is deleted: a member leaves (left_at), an
 * assignment ends (ended_at), a group is disbanded (disbanded_at); the history is the rows.
 */
export class WorkingGroups1764510000000 implements MigrationInterface {
  name = 'WorkingGroups1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id),
        name varchar(200) NOT NULL,
        leader_id uuid REFERENCES users (id),
        disbanded_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX working_groups_project_idx ON working_groups (project_id, name)`);
    await q.query(`
      CREATE TABLE working_group_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The order things happened in, even within one instant.
        seq bigserial NOT NULL,
        working_group_id uuid NOT NULL REFERENCES working_groups (id),
        user_id uuid NOT NULL REFERENCES users (id),
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX working_group_members_current_key ON working_group_members (working_group_id, user_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX working_group_members_user_idx ON working_group_members (user_id) WHERE left_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE household_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        household_id uuid NOT NULL REFERENCES households (id),
        project_id uuid NOT NULL REFERENCES projects (id),
        working_group_id uuid NOT NULL REFERENCES working_groups (id),
        lead_officer_id uuid REFERENCES users (id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        reason text,
        assigned_by varchar(200) NOT NULL,
        assigned_by_id uuid,
        ended_by varchar(200),
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    // At most one responsible group per household at a time.
    await q.query(
      `CREATE UNIQUE INDEX household_assignments_current_key ON household_assignments (household_id) WHERE ended_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX household_assignments_group_idx ON household_assignments (working_group_id) WHERE ended_at IS NULL`,
    );
    await q.query(`CREATE INDEX household_assignments_history_idx ON household_assignments (household_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_assignments`);
    await q.query(`DROP TABLE working_group_members`);
    await q.query(`DROP TABLE working_groups`);
  }
}
