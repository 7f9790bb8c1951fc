import type pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchConfig } from './bench-config.js';
import { unfinishedJobs } from './bench-database.js';
import type { BenchPath, PathContext } from './bench-paths.js';
import { type LoadResult, runLoad } from './load.js';
import type { Server } from './processes.js';
import { assertSameAnswers } from './same-answers.js';
import { combineRss, type RssSummary, sampleRss } from './rss-sampler.js';

export interface ServerSummary {
  /** All rounds' expected responses over all rounds' seconds. */
  reqPerSec: number;
  /** Medians of the rounds' percentiles (rounds are too short to merge histograms meaningfully). */
  p50Ms: number;
  p99Ms: number;
  rss: RssSummary;
  rounds: LoadResult[];
}

export interface PathResult {
  id: string;
  title: string;
  expectedStatus: number;
  product: ServerSummary;
  raw: ServerSummary;
  /** product req/s ÷ raw req/s. */
  ratio: number;
  /** Seconds the product spent finishing its background jobs after each round (write paths). */
  drainSeconds: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function summarise(rounds: LoadResult[], rss: RssSummary[]): ServerSummary {
  const expected = rounds.reduce((sum, round) => sum + round.reqPerSec * round.seconds, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  return {
    reqPerSec: Math.round((expected / seconds) * 10) / 10,
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    rss: combineRss(rss),
    rounds,
  };
}

/**
 * Waits until the product has run every job its requests committed to the outbox (the visit's
 * reminders, threshold checks, webhooks), so that work lands in its own round and not in the raw
 * server's next one. Capped: a backlog that outlasts the cap is reported, not waited out.
 */
async function drain(productDb: pg.Pool, timeoutSeconds: number): Promise<number> {
  const started = Date.now();
  while ((await unfinishedJobs(productDb)) > 0 && Date.now() - started < timeoutSeconds * 1000) await sleep(250);
  return Math.round((Date.now() - started) / 100) / 10;
}

export interface Servers {
  product: Server;
  raw: Server;
  productDb: pg.Pool;
}

/** One path: a warm-up on each server, then rounds alternating product, raw, product, raw … */
export async function benchPath(
  config: BenchConfig,
  path: BenchPath,
  context: PathContext,
  servers: Servers,
): Promise<PathResult> {
  const drainSeconds: number[] = [];
  const settle = async () => {
    if (path.writes) drainSeconds.push(await drain(servers.productDb, config.drainTimeoutSeconds));
  };
  const measured = async (server: Server, seconds: number) => {
    const rss = sampleRss(server.pid);
    const result = await runLoad(server.baseUrl, path, context, seconds, config.connections);
    return { result, rss: rss.stop() };
  };

  await assertSameAnswers(path, context, servers.product, servers.raw);
  if (config.warmupSeconds > 0) {
    await runLoad(servers.product.baseUrl, path, context, config.warmupSeconds, config.connections);
    await settle();
    await runLoad(servers.raw.baseUrl, path, context, config.warmupSeconds, config.connections);
  }
  const product = { rounds: [] as LoadResult[], rss: [] as RssSummary[] };
  const raw = { rounds: [] as LoadResult[], rss: [] as RssSummary[] };
  for (let round = 1; round <= config.rounds; round += 1) {
    const p = await measured(servers.product, config.seconds);
    product.rounds.push(p.result);
    product.rss.push(p.rss);
    await settle();
    const r = await measured(servers.raw, config.seconds);
    raw.rounds.push(r.result);
    raw.rss.push(r.rss);
    const line = (name: string, result: LoadResult) => `${name} ${result.reqPerSec} req/s p99 ${result.p99Ms} ms`;
    console.error(`[bench]   ${path.id} round ${round}: ${line('product', p.result)}; ${line('raw', r.result)}`);
  }
  const productSummary = summarise(product.rounds, product.rss);
  const rawSummary = summarise(raw.rounds, raw.rss);
  return {
    id: path.id,
    title: path.title,
    expectedStatus: path.expectedStatus,
    product: productSummary,
    raw: rawSummary,
    ratio: rawSummary.reqPerSec > 0 ? Math.round((productSummary.reqPerSec / rawSummary.reqPerSec) * 100) / 100 : 0,
    drainSeconds,
  };
}
