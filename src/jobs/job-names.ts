/**
 * Queues by workload, and every job name with its payload. Names are string constants, never
 * class names: a rename would orphan jobs already waiting in Redis.
 */
export const QUEUES = ['reminders', 'resettlement', 'webhooks', 'maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Every minute: releases reminders that fell due, and creates deadline/dialogue reminders. */
  'reminders.sweep': Record<string, never>;
  /** After a visit: (re)schedules the household's follow-up reminder, cancelling older ones. */
  'reminders.follow-up': { visitId: string };
  /** Daily: households with no contact for longer than their project allows. */
  'reminders.find-stale-households': Record<string, never>;
  /** Daily at 07:00 Hanoi time: one digest per ward. */
  'reminders.daily-digest': Record<string, never>;
  /** After a consent move: alerts once when the project crosses its consent threshold. */
  'projects.check-threshold': { projectId: string };
  /** Offers a fund's available units to the waiting list. */
  'resettlement.offer-units': { fundId: string };
  /** Every few minutes: offers past their expiry go back to the fund and on to the next household. */
  'resettlement.expire-offers': Record<string, never>;
  /** Nightly: a snapshot of every project's statistics for the consent timeline. */
  'stats.snapshot': Record<string, never>;
  /** Delivers one webhook (retried with backoff). */
  'webhooks.deliver': { deliveryId: string };
  /** After a deadline rule changed: recomputes the open deadlines that depend on it. */
  'deadlines.recompute': { ruleId: string };
  /** After a household stops objecting: its enforcement records still in preparation are closed. */
  'enforcement.close-drafts': { householdId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  'reminders.sweep': 'reminders',
  'reminders.follow-up': 'reminders',
  'reminders.find-stale-households': 'reminders',
  'reminders.daily-digest': 'reminders',
  'projects.check-threshold': 'reminders',
  'resettlement.offer-units': 'resettlement',
  'resettlement.expire-offers': 'resettlement',
  'stats.snapshot': 'maintenance',
  'webhooks.deliver': 'webhooks',
  'deadlines.recompute': 'maintenance',
  'enforcement.close-drafts': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** Recurring jobs, registered by the worker as BullMQ job schedulers (idempotent upserts). */
export const SCHEDULES: ReadonlyArray<{ job: JobName; every?: number; cron?: string }> = [
  { job: 'reminders.sweep', every: 60_000 },
  { job: 'resettlement.expire-offers', every: 5 * 60_000 },
  { job: 'reminders.find-stale-households', cron: '0 6 * * *' },
  { job: 'reminders.daily-digest', cron: '0 7 * * *' },
  { job: 'stats.snapshot', cron: '30 0 * * *' },
];
