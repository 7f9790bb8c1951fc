import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, refresh tokens, API keys, the append-only audit trail and stored idempotent responses.
 */
export class AccessAndIntegrity1764390000000 implements MigrationInterface {
  name = 'AccessAndIntegrity1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        full_name varchar(200) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'chair', 'officer', 'supervisor')),
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`
      CREATE TABLE user_administrative_units (
        user_id uuid NOT NULL REFERENCES users(id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_units(id),
        PRIMARY KEY (user_id, administrative_unit_id)
      )`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        prefix varchar(16) NOT NULL,
        key_hash char(64) NOT NULL,
        access varchar(8) NOT NULL CHECK (access IN ('read', 'write')),
        created_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT api_keys_hash_key UNIQUE (key_hash)
      )`);
    await q.query(`
      CREATE TABLE api_key_administrative_units (
        api_key_id uuid NOT NULL REFERENCES api_keys(id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_units(id),
        PRIMARY KEY (api_key_id, administrative_unit_id)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type varchar(16) NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
        actor_id uuid,
        actor_name varchar(200) NOT NULL,
        action varchar(32) NOT NULL,
        entity varchar(64) NOT NULL,
        entity_id varchar(200),
        project_id uuid,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(100),
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_project_idx ON audit_log (project_id, at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)`);
    // Append-only, whatever the client: the application role cannot rewrite history either.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        principal_id varchar(100) NOT NULL,
        key varchar(200) NOT NULL,
        method varchar(8) NOT NULL,
        path varchar(1000) NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (principal_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);

    await q.query(`ALTER TABLE consent_transitions ADD COLUMN actor_id uuid`);
    await q.query(`ALTER TABLE visits ADD COLUMN created_by_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE visits DROP COLUMN created_by_id`);
    await q.query(`ALTER TABLE consent_transitions DROP COLUMN actor_id`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    for (const table of [
      'api_key_administrative_units',
      'api_keys',
      'refresh_tokens',
      'user_administrative_units',
      'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
