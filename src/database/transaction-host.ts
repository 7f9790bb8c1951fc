import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

interface Ambient {
  manager: EntityManager;
  afterCommit: Array<() => void>;
  /** Run in order once the work is done, still inside the transaction (collected rows are written). */
  beforeCommit: Array<() => Promise<void>>;
  buckets: Map<object, unknown[]>;
}

/** PostgreSQL's answers to two transactions that cannot both go on: worth one more try. */
const TRANSIENT = new Map([
  ['40P01', 'deadlock'],
  ['40001', 'serialization failure'],
]);
const ATTEMPTS = 2;

/** Two changes to the same records collided and the retry collided again: the client retries. */
export class ConcurrentChangeError extends DomainError {
  constructor(reason: string) {
    super(
      'conflict',
      'CONCURRENT_CHANGE',
      'Another change to the same records was being made at the same moment; retry',
      {
        reason,
      },
    );
  }
}

/**
 * The ambient transaction. `run` opens a transaction and keeps its manager in async-local storage;
 * repositories take `manager` from here, so everything a use case reads and writes while it runs
 * (its own rows and other modules' through their services) is one unit of work on one connection,
 * and no service ever passes an EntityManager. A `run` inside a `run` joins the outer one.
 *
 * Locks are taken in one order, everywhere: a household before any record of it (visits, enforcement
 * records, offers, reminders), so two use cases touching the same household queue instead of
 * deadlocking. Should PostgreSQL still report a deadlock or a serialization failure, the outermost
 * `run` retries the whole unit once, then answers 409 CONCURRENT_CHANGE.
 */
@Injectable()
export class TransactionHost {
  private readonly storage = new AsyncLocalStorage<Ambient>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager of the transaction in progress, or the pool's outside one. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>, options: { isolation?: IsolationLevel } = {}): Promise<T> {
    if (this.storage.getStore()) return work();
    for (let attempt = 1; ; attempt += 1) {
      const afterCommit: Array<() => void> = [];
      try {
        const unit = (manager: EntityManager) => {
          const ambient: Ambient = { manager, afterCommit, beforeCommit: [], buckets: new Map() };
          return this.storage.run(ambient, async () => {
            const result = await work();
            for (let hook = ambient.beforeCommit.shift(); hook; hook = ambient.beforeCommit.shift()) await hook();
            return result;
          });
        };
        const result = await (options.isolation
          ? this.dataSource.transaction(options.isolation, unit)
          : this.dataSource.transaction(unit));
        for (const hook of afterCommit) hook();
        return result;
      } catch (error) {
        const reason = transientReason(error);
        if (reason === undefined) throw error;
        if (attempt >= ATTEMPTS) throw new ConcurrentChangeError(reason);
      }
    }
  }

  /**
   * Runs `work` outside the ambient transaction, on the pool: what it writes is visible at once and
   * stays even if the transaction rolls back (the progress of a long import, say).
   */
  detached<T>(work: () => Promise<T>): Promise<T> {
    return this.storage.exit(work);
  }

  /**
   * Adds `item` to a bucket of the current transaction, written by `flush` with every other item of
   * that bucket once the unit of work is done, just before COMMIT: rows many statements produce one
   * by one (the audit trail's) cost one statement per transaction. A failing flush rolls the
   * transaction back like any statement of it. Outside a transaction `flush` writes the item at once.
   */
  collect<T>(bucket: object, item: T, flush: (items: T[]) => Promise<void>): Promise<void> {
    const ambient = this.storage.getStore();
    if (!ambient) return flush([item]);
    const items = ambient.buckets.get(bucket) as T[] | undefined;
    if (items) {
      items.push(item);
    } else {
      const collected = [item];
      ambient.buckets.set(bucket, collected);
      ambient.beforeCommit.push(() => {
        ambient.buckets.delete(bucket);
        return flush(collected);
      });
    }
    return Promise.resolve();
  }

  /** Runs `hook` once the current transaction has committed (at once outside a transaction). */
  afterCommit(hook: () => void): void {
    const ambient = this.storage.getStore();
    if (ambient) ambient.afterCommit.push(hook);
    else hook();
  }
}

function transientReason(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return TRANSIENT.get((error.driverError as { code?: string }).code ?? '');
}
