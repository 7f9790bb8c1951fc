import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong passwords given for emails that have no active account are counted too, by email, so
 * such an email locks exactly as an account would: the answers tell nobody which emails exist.
 */
export class SignInFailures1764455000000 implements MigrationInterface {
  name = 'SignInFailures1764455000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_failures (
        email varchar(320) PRIMARY KEY,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_failed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sign_in_failures_last_failed_idx ON sign_in_failures (last_failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_failures`);
  }
}
