import autocannon from 'autocannon';
import type { BenchPath, PathContext } from './bench-paths.js';

export interface LoadResult {
  seconds: number;
  /** Responses with the path's expected status, per second: failures do not count as throughput. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  /** Responses by status code, to show what else came back. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** `connections` keep-alive connections hammering one path for `seconds`, each request made fresh by the path. */
export async function runLoad(
  baseUrl: string,
  path: BenchPath,
  context: PathContext,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...path.next(context) }) }],
  });
  const statuses: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stats.count ?? 0;
  const expected = statuses[String(path.expectedStatus)] ?? 0;
  return {
    seconds: result.duration,
    reqPerSec: Math.round((expected / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: Object.values(statuses).reduce((sum, count) => sum + count, 0),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
