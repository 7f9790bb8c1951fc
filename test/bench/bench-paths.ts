import { randomUUID } from 'node:crypto';
import { FIELD_TEAM } from './seed/vietnamese.js';

/** What the paths need from the seeded data and the sign-ins. */
export interface PathContext {
  bigProjectId: string;
  /** Every household of the big project, to pick from at random. */
  householdIds: string[];
  officerToken: string;
  chairToken: string;
}

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BenchPath {
  id: string;
  title: string;
  expectedStatus: number;
  /** The product runs background jobs after these requests; the next round waits for them. */
  writes: boolean;
  /** The plans of the product's SQL for this path go in the report. */
  explain: boolean;
  /** Makes the next request: called once per request, so ids and keys can change each time. */
  next(context: PathContext): BenchRequest;
}

const API = '/api/v1';
const DAY_MS = 24 * 60 * 60 * 1000;
const civilDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const anyHousehold = (context: PathContext) =>
  context.householdIds[Math.floor(Math.random() * context.householdIds.length)];

export const BENCH_PATHS: readonly BenchPath[] = [
  {
    id: 'post-visit',
    title: 'POST /households/:id/visits',
    expectedStatus: 201,
    writes: true,
    explain: false,
    next: (context) => {
      const now = Date.now();
      return {
        method: 'POST',
        path: `${API}/households/${anyHousehold(context)}/visits`,
        headers: {
          ...bearer(context.officerToken),
          'content-type': 'application/json',
          // A phone makes one key per visit; every request here is a new visit.
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          visitedAt: new Date(now - 60 * 60 * 1000).toISOString(),
          officers: FIELD_TEAM,
          outcome: 'listened',
          notes: 'Hộ nghe phổ biến phương án bồi thường, hẹn trả lời sau.',
          nextFollowUpOn: civilDate.format(new Date(now + 14 * DAY_MS)),
        }),
      };
    },
  },
  {
    id: 'get-household',
    title: 'GET /households/:id',
    expectedStatus: 200,
    writes: false,
    explain: false,
    next: (context) => ({
      method: 'GET',
      path: `${API}/households/${anyHousehold(context)}`,
      headers: bearer(context.officerToken),
    }),
  },
  {
    id: 'project-stats',
    title: 'GET /projects/:id/stats',
    expectedStatus: 200,
    writes: false,
    explain: true,
    next: (context) => ({
      method: 'GET',
      path: `${API}/projects/${context.bigProjectId}/stats`,
      headers: bearer(context.chairToken),
    }),
  },
  {
    id: 'search-nguyen',
    title: 'GET /projects/:id/households?q=nguyen',
    expectedStatus: 200,
    writes: false,
    explain: true,
    next: (context) => ({
      method: 'GET',
      path: `${API}/projects/${context.bigProjectId}/households?q=nguyen`,
      headers: bearer(context.officerToken),
    }),
  },
  {
    id: 'overdue',
    title: 'GET /projects/:id/households?followUpOverdue=true',
    expectedStatus: 200,
    writes: false,
    explain: true,
    next: (context) => ({
      method: 'GET',
      path: `${API}/projects/${context.bigProjectId}/households?followUpOverdue=true`,
      headers: bearer(context.officerToken),
    }),
  },
  {
    id: 'unauthenticated',
    title: 'GET /households/:id without credentials (401)',
    expectedStatus: 401,
    writes: false,
    explain: false,
    next: (context) => ({ method: 'GET', path: `${API}/households/${anyHousehold(context)}`, headers: {} }),
  },
];

/** The paths BENCH_PATHS names (all by default); an unknown id is an error, not a silent skip. */
export function selectPaths(ids: string[] | undefined): BenchPath[] {
  if (!ids) return [...BENCH_PATHS];
  const unknown = ids.filter((id) => !BENCH_PATHS.some((path) => path.id === id));
  if (unknown.length) {
    throw new Error(`Unknown BENCH_PATHS ${unknown.join(', ')}; known: ${BENCH_PATHS.map((p) => p.id).join(', ')}`);
  }
  return BENCH_PATHS.filter((path) => ids.includes(path.id));
}
