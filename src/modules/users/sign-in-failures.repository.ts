import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction-host.js';
import type { LoginAttempts } from './domain/login-lockout.js';

interface Row {
  failed_logins: number;
  locked_until: Date | null;
  last_failed_at: Date;
}

const toAttempts = (row: Row | undefined): LoginAttempts | null =>
  row ? { failedLogins: row.failed_logins, lockedUntil: row.locked_until, lastFailedAt: row.last_failed_at } : null;

/** Wrong passwords for emails without an active account, by normalised email (see SignInFailures migration). */
@Injectable()
export class SignInFailuresRepository {
  constructor(private readonly tx: TransactionHost) {}

  async find(email: string): Promise<LoginAttempts | null> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT failed_logins, locked_until, last_failed_at FROM sign_in_failures WHERE email = $1`,
      [email],
    );
    return toAttempts(rows[0]);
  }

  /** The email's count, locked until the transaction ends (made first, empty, when there is none). */
  async findForUpdate(email: string, now: Date): Promise<LoginAttempts> {
    await this.tx.manager.query(
      `INSERT INTO sign_in_failures (email, last_failed_at) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`,
      [email, now],
    );
    const rows: Row[] = await this.tx.manager.query(
      `SELECT failed_logins, locked_until, last_failed_at FROM sign_in_failures WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return toAttempts(rows[0]) as LoginAttempts;
  }

  async save(email: string, attempts: LoginAttempts): Promise<void> {
    await this.tx.manager.query(
      `UPDATE sign_in_failures SET failed_logins = $2, locked_until = $3, last_failed_at = $4 WHERE email = $1`,
      [email, attempts.failedLogins, attempts.lockedUntil, attempts.lastFailedAt],
    );
  }

  /** Forgets counts whose last failure came before `before` and whose lock has ended (as accounts forget theirs). */
  async deleteStale(before: Date): Promise<number> {
    const [, count]: [unknown[], number] = await this.tx.manager.query(
      `DELETE FROM sign_in_failures WHERE last_failed_at < $1 AND (locked_until IS NULL OR locked_until < $1)`,
      [before],
    );
    return count;
  }
}
