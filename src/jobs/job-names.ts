/**
 * Queues by workload, and every job name with its payload. Names are string constants, never
 * class names: a rename would orphan jobs already waiting in Redis.
 */
export const QUEUES = ['events', 'reminders', 'resettlement', 'webhooks', 'maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Every minute: fires the reminders that fell due (their owners made them). */
  'reminders.sweep': Record<string, never>;
  /** Daily: households with no contact for longer than their project allows. */
  'households.find-stale': Record<string, never>;
  /** Daily at 07:00 Hanoi time: one digest per ward. */
  'stats.daily-digest': Record<string, never>;
  /** Offers a fund's available units to the waiting list. */
  'resettlement.offer-units': { fundId: string };
  /** Every few minutes: offers past their expiry go back to the fund and on to the next household. */
  'resettlement.expire-offers': Record<string, never>;
  /** Nightly: a snapshot of every project's statistics for the consent timeline. */
  'stats.snapshot': Record<string, never>;
  /** Nightly: the statistics counters recounted from the tables, differences repaired and reported. */
  'stats.reconcile-counters': Record<string, never>;
  /** Delivers one webhook (retried with backoff). */
  'webhooks.deliver': { deliveryId: string };
  /** Every minute: published jobs Redis no longer has are published again (see JobLedger). */
  'outbox.reconcile': Record<string, never>;
  /** Nightly: finished outbox rows past their keeping time. */
  'outbox.purge': Record<string, never>;
  /** Nightly: idempotency keys past their expiry. */
  'idempotency.purge-expired': Record<string, never>;
  /** Nightly: receipts of domain events too old to be delivered again. */
  'events.purge-receipts': Record<string, never>;
  /** Nightly: wrong-password counts of emails without an account, once stale. */
  'users.purge-sign-in-failures': Record<string, never>;
  /** Runs a household import too large to run within its request. */
  'imports.run': { importId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  'reminders.sweep': 'reminders',
  'households.find-stale': 'reminders',
  'stats.daily-digest': 'reminders',
  'resettlement.offer-units': 'resettlement',
  'resettlement.expire-offers': 'resettlement',
  'stats.snapshot': 'maintenance',
  'stats.reconcile-counters': 'maintenance',
  'webhooks.deliver': 'webhooks',
  'outbox.reconcile': 'maintenance',
  'outbox.purge': 'maintenance',
  'idempotency.purge-expired': 'maintenance',
  'events.purge-receipts': 'maintenance',
  'users.purge-sign-in-failures': 'maintenance',
  'imports.run': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** Recurring jobs, registered by the worker as BullMQ job schedulers (idempotent upserts). */
export const SCHEDULES: ReadonlyArray<{ job: JobName; every?: number; cron?: string }> = [
  { job: 'reminders.sweep', every: 60_000 },
  { job: 'resettlement.expire-offers', every: 5 * 60_000 },
  { job: 'households.find-stale', cron: '0 6 * * *' },
  { job: 'stats.daily-digest', cron: '0 7 * * *' },
  { job: 'stats.snapshot', cron: '30 0 * * *' },
  { job: 'stats.reconcile-counters', cron: '10 0 * * *' },
  { job: 'outbox.reconcile', every: 60_000 },
  { job: 'outbox.purge', cron: '15 2 * * *' },
  { job: 'idempotency.purge-expired', cron: '20 2 * * *' },
  { job: 'events.purge-receipts', cron: '25 2 * * *' },
  { job: 'users.purge-sign-in-failures', cron: '30 2 * * *' },
];
