import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { DAY_MS } from '../../common/time/civil-date.js';
import { IdempotencyKeyReusedError } from '../../common/http/idempotency.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import { IdempotentRequestInProgressError } from './idempotency.errors.js';
import { IdempotencyRepository, type RecordId } from './idempotency.repository.js';

/** How long a first response is replayed to retries. */
const RETENTION_MS = DAY_MS;
/** A first request still "running" after this long died mid-way; a retry may take its place. */
const LEASE_MS = 60 * 1000;
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 5000;

export interface IdempotentRequest extends RecordId {
  method: string;
  path: string;
  requestHash: string;
}

export type Begin = { kind: 'first' } | { kind: 'replay'; status: number; body: unknown };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly records: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  /** Nightly: records past their expiry go (a retry after it is a new request anyway). */
  @HandlesJob('idempotency.purge-expired')
  purgeExpired(): Promise<number> {
    return this.records.deleteExpired(this.clock.now());
  }

  /**
   * Either claims the key for this request (`first`), or returns the response the first request
   * with this key produced. A concurrent retry waits briefly for the first one to finish.
   */
  async begin(request: IdempotentRequest): Promise<Begin> {
    const id: RecordId = { principalId: request.principalId, key: request.key };
    const started = Date.now();
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.records.claim({
        ...request,
        state: 'in_progress',
        createdAt: now,
        expiresAt: new Date(now.getTime() + RETENTION_MS),
      });
      if (claimed) return { kind: 'first' };

      const existing = await this.records.find(id);
      if (!existing) continue;
      const expired = existing.expiresAt <= now;
      const abandoned = existing.state === 'in_progress' && now.getTime() - existing.createdAt.getTime() > LEASE_MS;
      if (expired || abandoned) {
        await this.records.release(id);
        continue;
      }
      if (
        existing.requestHash !== request.requestHash ||
        existing.method !== request.method ||
        existing.path !== request.path
      ) {
        throw new IdempotencyKeyReusedError(request.key);
      }
      if (existing.state === 'completed') {
        return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody };
      }
      if (Date.now() - started > WAIT_LIMIT_MS) throw new IdempotentRequestInProgressError(request.key);
      await sleep(WAIT_STEP_MS);
    }
  }

  complete(id: RecordId, status: number, body: unknown): Promise<void> {
    return this.records.complete(id, status, body);
  }

  /** The first request failed: nothing was written, so a retry must run for real. */
  abandon(id: RecordId): Promise<void> {
    return this.records.release(id, 'in_progress');
  }
}
