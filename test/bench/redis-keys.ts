import { Redis } from 'ioredis';

/**
 * Deletes every key under the given prefixes: the product's queues, job schedulers, rate-limit
 * counters and its claim on the prefix (which names the database's deployment id, new with every
 * re-created database, so a stale claim would stop the product from starting).
 */
export async function deleteKeysUnder(redisUrl: string, prefixes: string[]): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) deleted += await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
