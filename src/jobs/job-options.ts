import type { DefaultJobOptions } from 'bullmq';
import type { JobName } from './job-names.js';

/** Defaults for every job: retried with exponential backoff, kept a while for inspection and dedupe. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs are kept a day: a re-published outbox row with the same job id is then a no-op.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Per-job overrides. Webhook deliveries retry longer: the receiver may be down for hours. */
export const JOB_OPTIONS: Partial<Record<JobName, DefaultJobOptions>> = {
  'webhooks.deliver': { attempts: 10, backoff: { type: 'exponential', delay: 10_000 } },
};
