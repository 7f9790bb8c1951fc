import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { BenchPath, PathContext } from './bench-paths.js';

/** When one sample request of a path was in flight on the capturing product. */
export interface CaptureWindow {
  pathId: string;
  from: number;
  to: number;
}

interface CapturedStatement {
  at: number;
  text: string;
  values: unknown[];
}

export interface PlanSummary {
  pathId: string;
  sql: string;
  executionMs: number | undefined;
  /** The whole EXPLAIN (ANALYZE, BUFFERS) output; the report shows its first lines. */
  plan: string[];
}

/** Sends one request per path to the capturing product, one at a time, noting when each ran. */
export async function sampleRequests(baseUrl: string, paths: BenchPath[], context: PathContext) {
  const windows: CaptureWindow[] = [];
  for (const path of paths) {
    // Lets the relay's poll and other background statements pass before the window opens.
    await sleep(300);
    const request = path.next(context);
    const from = Date.now();
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    await response.arrayBuffer();
    windows.push({ pathId: path.id, from, to: Date.now() });
    if (response.status !== path.expectedStatus) {
      throw new Error(`${path.id}: the product answered ${response.status}, not ${path.expectedStatus}`);
    }
  }
  return windows;
}

function captured(captureFile: string): CapturedStatement[] {
  return readFileSync(captureFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedStatement);
}

/**
 * Every statement the product sent while one request of each path was in flight, on one line: the
 * work the raw server must match, round trip for round trip. (A background poll that fell in the
 * window shows too; the 300 ms pause before each request makes that rare.)
 */
export function statementsOf(captureFile: string, windows: CaptureWindow[]): Record<string, string[]> {
  const statements = captured(captureFile);
  return Object.fromEntries(
    windows.map((window) => [
      window.pathId,
      statements.filter((s) => s.at >= window.from && s.at <= window.to).map((s) => oneLine(s.text, 160)),
    ]),
  );
}

/** The product's data queries in each window: SELECTs reading households or visits (not the guard's). */
export function dataQueries(captureFile: string, windows: CaptureWindow[]): Map<string, CapturedStatement[]> {
  const statements = captured(captureFile);
  const byPath = new Map<string, CapturedStatement[]>();
  for (const window of windows) {
    byPath.set(
      window.pathId,
      statements.filter(
        (s) =>
          s.at >= window.from &&
          s.at <= window.to &&
          /^\s*SELECT\b/i.test(s.text) &&
          /\b(households|visits)\b/.test(s.text) &&
          !/FOR UPDATE|job_outbox/.test(s.text),
      ),
    );
  }
  return byPath;
}

/** The statement on one line, its (long, aliased) select list elided: what it reads and how matters here. */
const oneLine = (sql: string, max = 220) => {
  const text = sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^SELECT (.{40,}?) FROM /i, 'SELECT … FROM ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/** EXPLAIN (ANALYZE, BUFFERS) of each captured statement, with the parameters it was sent with. */
export async function explainAll(db: pg.Pool, byPath: Map<string, CapturedStatement[]>): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  for (const [pathId, statements] of byPath) {
    for (const statement of statements) {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        statement.values,
      );
      const plan = rows.map((row) => row['QUERY PLAN']);
      const execution = plan.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
      plans.push({
        pathId,
        sql: oneLine(statement.text),
        executionMs: execution ? Number(execution[1]) : undefined,
        plan,
      });
    }
  }
  return plans;
}
