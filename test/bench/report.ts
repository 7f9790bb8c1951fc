import type { ImportBenchResult } from './import-bench.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, type BenchConfig, RESULTS_DIR } from './bench-config.js';
import type { PlanSummary } from './plans.js';
import type { PathResult } from './rounds.js';
import type { SeedSummary } from './seed/seed.js';

/** How many lines of each plan the table shows (the JSON keeps them all). */
const PLAN_LINES = 8;

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string; platform: string };
  settings: Pick<
    BenchConfig,
    'seconds' | 'rounds' | 'warmupSeconds' | 'connections' | 'logLevel' | 'authCacheSeconds' | 'households'
  > & { poolSize: number };
  seed: Omit<SeedSummary, 'officer' | 'chair'>;
  paths: PathResult[];
  /** The household import of BENCH_IMPORT_ROWS rows, timed through the API; null when skipped. */
  importRun: ImportBenchResult | null;
  plans: PlanSummary[];
  /** The product's statements for one request of each path. */
  statements: Record<string, string[]>;
  totalSeconds: number;
}

const ms = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/** Anything but the expected status, so a fast column of errors is never mistaken for speed. */
function unexpected(result: PathResult): string {
  const notes = (['product', 'raw'] as const).flatMap((server) => {
    const others: Record<string, number> = {};
    let errors = 0;
    for (const round of result[server].rounds) {
      errors += round.errors;
      for (const [status, count] of Object.entries(round.statuses)) {
        if (status !== String(result.expectedStatus)) others[status] = (others[status] ?? 0) + count;
      }
    }
    const listed = Object.entries(others).map(([status, count]) => `${count}× ${status}`);
    if (errors) listed.push(`${errors} connection errors`);
    return listed.length ? [`${server}: ${listed.join(', ')}`] : [];
  });
  return notes.join('; ');
}

export function table(paths: PathResult[]): string {
  const header = [
    'path',
    'product req/s',
    'product p50 / p99 ms',
    'raw req/s',
    'raw p50 / p99 ms',
    'ratio',
    'product RSS max MB',
  ];
  const rows = paths.map((r) => [
    r.title,
    r.product.reqPerSec.toFixed(0),
    `${ms(r.product.p50Ms)} / ${ms(r.product.p99Ms)}`,
    r.raw.reqPerSec.toFixed(0),
    `${ms(r.raw.p50Ms)} / ${ms(r.raw.p99Ms)}`,
    r.ratio.toFixed(2),
    r.product.rss.maxMb.toFixed(0),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function planSection(plans: PlanSummary[]): string {
  return plans
    .map((plan) => {
      const time = plan.executionMs === undefined ? '' : ` (${plan.executionMs.toFixed(1)} ms)`;
      const lines = plan.plan.slice(0, PLAN_LINES).join('\n');
      return `**${plan.pathId}**${time}: \`${plan.sql}\`\n\n\`\`\`\n${lines}\n\`\`\``;
    })
    .join('\n\n');
}

function importLine(run: ImportBenchResult | null): string {
  if (!run) return 'Import: skipped (BENCH_IMPORT_ROWS=0).';
  return (
    `Import: ${run.rows} rows (${run.fileMb} MB of CSV, one parcel each) through POST /projects/:id/imports, ` +
    `a job: ${run.status}, ${run.created} households created in ${run.seconds} s (${run.rowsPerSecond} rows/s), ` +
    'from the upload to the committed import.'
  );
}

function statementSection(statements: Record<string, string[]>): string {
  return Object.entries(statements)
    .map(([pathId, list]) => `**${pathId}**: ${list.length}\n\n${list.map((sql) => `1. \`${sql}\``).join('\n')}`)
    .join('\n\n');
}

function notes(report: BenchReport): string {
  const lines = report.paths
    .map((result) => [result, unexpected(result)] as const)
    .filter(([, note]) => note)
    .map(([result, note]) => `- ${result.id}: ${note}`);
  const drains = report.paths
    .filter((result) => result.drainSeconds.length)
    .map(
      (result) =>
        `- ${result.id}: the product took ${result.drainSeconds.join(', ')} s to finish its jobs after each round`,
    );
  return [...lines, ...drains].join('\n');
}

export function markdown(report: BenchReport): string {
  const { machine, settings, seed } = report;
  return `# Benchmark results

Written by \`npm run bench\` (test/bench) on ${report.startedAt}; the raw data is in results/latest.json.
A shared, noisy machine gives indicative numbers only: compare the ratios, not the absolute figures.

- Machine: ${machine.cpus} CPUs, Node ${machine.node}, PostgreSQL ${machine.postgres}, ${machine.platform}
- Load: autocannon, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up, then ${settings.rounds} rounds of ${settings.seconds} s per server and path, interleaved product / raw
- Product: \`node dist/src/main.js\`, NODE_ENV=production, LOG_LEVEL=${settings.logLevel}, worker in the API process, AUTH_CACHE_SECONDS=${settings.authCacheSeconds}; raw server: node:http + pg, pool ${settings.poolSize} (the product's)
- Data: ${Object.entries(seed.counts)
    .map(([table, count]) => `${count} ${table}`)
    .join(', ')}; seeded in ${seed.seconds.toFixed(1)} s

${table(report.paths)}

req/s counts only responses with the expected status; p50 / p99 are the medians of the rounds'; ratio = product ÷ raw req/s.

${importLine(report.importRun)}

${notes(report)}

## The product's statements per request

What the product sent to PostgreSQL for one request of each path (captured); the raw server sends the same.

${statementSection(report.statements)}

## Plans of the product's SQL

EXPLAIN (ANALYZE, BUFFERS) of the statements the product sent for one request of each path (captured from the running product), after the rounds, first ${PLAN_LINES} lines each.

${planSection(report.plans)}
`;
}

/** results/latest.json (ignored by git) and RESULTS.md (committed), both from the same report. */
export function writeReport(report: BenchReport): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, 'latest.json');
  const md = join(BENCH_DIR, 'RESULTS.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdown(report));
  return { json, markdown: md };
}
