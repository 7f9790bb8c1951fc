import type { RedisOptions } from 'bullmq';

/** BullMQ's connection to Redis; workers need maxRetriesPerRequest null to wait out an outage. */
export function redisConnection(redisUrl: string): RedisOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
