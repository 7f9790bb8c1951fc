import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import {
  type CounterDifference,
  describe,
  type ReconciliationReport,
  summarize,
} from './domain/counter-reconciliation.js';
import { visitBucketHorizon } from './domain/visit-window.js';
import { StatsCountersRepository } from './stats-counters.repository.js';

/** Differences written to the log one by one; the job's result carries them all. */
const LOGGED_DIFFERENCES = 50;

/**
 * The proof that the statistics counters are right: a nightly recount. The database keeps the
 * counters with every change (migration StatsCounters), so a difference means something wrote
 * around the triggers or a trigger is wrong: it is repaired, logged as an error and returned.
 */
@Injectable()
export class StatsCounters {
  private readonly logger = new Logger(StatsCounters.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly counters: StatsCountersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Daily, after midnight (follow-ups of yesterday are then past) and before the timeline snapshot.
   * Each counter is recounted in a transaction of its own, so a repair holds its few rows briefly;
   * runs at once queue up on a lock, and a second run finds nothing left to repair.
   */
  @HandlesJob('stats.reconcile-counters')
  async reconcile(): Promise<ReconciliationReport> {
    const today = this.clock.today();
    const horizon = visitBucketHorizon(this.clock.now());
    const differences: CounterDifference[] = [
      ...(await this.locked(() => this.counters.repairHouseholds())),
      ...(await this.locked(() => this.counters.repairFollowUps(today))),
      ...(await this.locked(() => this.counters.repairVisits(horizon))),
    ];
    const foldedFollowUps = await this.locked(() => this.counters.foldPastFollowUps(today));
    const droppedVisitBuckets = await this.locked(() => this.counters.dropVisitBucketsBefore(horizon));

    if (differences.length === 0) this.logger.log(summarize(differences));
    else {
      this.logger.error(summarize(differences));
      for (const difference of differences.slice(0, LOGGED_DIFFERENCES)) this.logger.error(describe(difference));
    }
    return { differences, foldedFollowUps, droppedVisitBuckets };
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return this.tx.run(async () => {
      await this.counters.lockReconciliation();
      return work();
    });
  }
}
