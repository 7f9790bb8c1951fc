import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an account's last wrong password was given: failures a day old are forgotten, for accounts
 * as for emails without one (sign_in_failures.last_failed_at), so lockout tells them apart never.
 */
export class FailedLoginTime1764490000000 implements MigrationInterface {
  name = 'FailedLoginTime1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN last_failed_login_at timestamptz`);
    // Counts of unknown age start their day now.
    await q.query(`UPDATE users SET last_failed_login_at = now() WHERE failed_logins > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN last_failed_login_at`);
  }
}
