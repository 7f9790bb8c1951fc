import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SharedRedis } from '../common/redis/shared-redis.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionHost } from '../database/transaction-host.js';
import { withTimeout } from './with-timeout.js';

const REDIS_TIMEOUT_MS = 3_000;
/** How long a confirmed ownership is trusted before it is checked again (Redis may have restarted empty). */
const RECHECK_MS = 60_000;
const RETRY_AFTER_FAILURE_MS = 5_000;

export class QueuePrefixOwnedError extends Error {}

/**
 * One queue prefix, one database. The first process of a deployment claims its prefix in Redis
 * (`<prefix>:owner`, naming its database); a process whose database is another refuses to start
 * rather than take, or feed, another deployment's jobs. The claim is renewed after Redis restarts.
 */
@Injectable()
export class QueueOwnership implements OnModuleInit {
  private readonly logger = new Logger(QueueOwnership.name);
  private identity: string | undefined;
  private confirmedAt = 0;
  private lastFailure: { at: number; error: Error } | undefined;

  constructor(
    private readonly tx: TransactionHost,
    private readonly redis: SharedRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      await this.assert();
    } catch (error) {
      if (error instanceof QueuePrefixOwnedError) throw error;
      // Redis is away: start anyway (the outbox keeps the jobs); the relay checks before publishing.
      this.logger.warn(`Could not check who owns the queue prefix yet: ${(error as Error).message}`);
    }
  }

  /**
   * For callers that run often (the relay's rounds): checks again when the last confirmation is
   * older than a minute, and after a failure repeats its error for a few seconds without asking.
   */
  async ensure(): Promise<void> {
    if (Date.now() - this.confirmedAt <= RECHECK_MS) return;
    if (this.lastFailure && Date.now() - this.lastFailure.at < RETRY_AFTER_FAILURE_MS) throw this.lastFailure.error;
    try {
      await this.assert();
      this.lastFailure = undefined;
    } catch (error) {
      this.lastFailure = { at: Date.now(), error: error as Error };
      throw error;
    }
  }

  /** Claims the prefix for this database, or throws QueuePrefixOwnedError if another holds it. */
  async assert(): Promise<void> {
    this.identity ??= await this.databaseIdentity();
    const key = `${this.config.jobs.queuePrefix}:owner`;
    const client = await this.redis.ready(REDIS_TIMEOUT_MS);
    const owner = await withTimeout(
      client.set(key, this.identity, 'NX').then(() => client.get(key)),
      REDIS_TIMEOUT_MS,
    );
    if (owner !== this.identity) {
      this.confirmedAt = 0;
      throw new QueuePrefixOwnedError(
        `The queue prefix "${this.config.jobs.queuePrefix}" in Redis belongs to another database (${owner}), ` +
          `not to this one (${this.identity}). Give each deployment its own QUEUE_PREFIX (or leave it unset: ` +
          `the default is named after the database).`,
      );
    }
    this.confirmedAt = Date.now();
  }

  /** The deployment's id (made by a migration) and the database's name: a restored copy is another one. */
  private async databaseIdentity(): Promise<string> {
    const rows: { id: string; database: string }[] = await this.tx.manager.query(
      `SELECT id, current_database() AS database FROM deployment`,
    );
    if (rows.length !== 1) throw new Error('The deployment table has no row; run the migrations');
    return `${rows[0].database}/${rows[0].id}`;
  }
}
