import { createHash } from 'node:crypto';
import { localDate, RawHttpError, type Row } from './raw-json.js';

/** A visit as the product's CreateVisitDto accepts it. */
export interface VisitInput {
  visitedAt: Date;
  officers: string[];
  outcome: string;
  notes: string | null;
  nextFollowUpOn: string | null;
}

const OUTCOMES = new Set(['absent', 'listened', 'hesitant', 'refused', 'conditional', 'agreed']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const invalid = (field: string) => new RawHttpError(400, 'VALIDATION_FAILED', `${field} is invalid`);

/** The DTO's checks by hand: an instant with its offset, 1–20 officers, a known outcome, optional notes and date. */
export function parseVisit(body: unknown, now: Date): VisitInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('body');
  const { visitedAt, officers, outcome, notes, nextFollowUpOn } = body as Row;
  if (typeof visitedAt !== 'string' || !INSTANT.test(visitedAt) || Number.isNaN(Date.parse(visitedAt))) {
    throw invalid('visitedAt');
  }
  if (!Array.isArray(officers) || officers.length < 1 || officers.length > 20) throw invalid('officers');
  const names = officers.map((name: unknown) => (typeof name === 'string' ? name.normalize('NFC').trim() : ''));
  if (names.some((name) => name.length < 1 || name.length > 200)) throw invalid('officers');
  if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) throw invalid('outcome');
  if (notes !== undefined && (typeof notes !== 'string' || notes.length > 10_000)) throw invalid('notes');
  if (nextFollowUpOn !== undefined && (typeof nextFollowUpOn !== 'string' || !CIVIL_DATE.test(nextFollowUpOn))) {
    throw invalid('nextFollowUpOn');
  }
  const visited = new Date(visitedAt);
  if (visited.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new RawHttpError(422, 'VISIT_IN_FUTURE', 'A visit cannot be recorded in the future');
  }
  if (nextFollowUpOn !== undefined && nextFollowUpOn < localDate(visited)) {
    throw new RawHttpError(422, 'FOLLOW_UP_BEFORE_VISIT', 'The follow-up date is before the visit');
  }
  return {
    visitedAt: visited,
    officers: names,
    outcome,
    notes: notes ?? null,
    nextFollowUpOn: nextFollowUpOn ?? null,
  };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Row;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
}

/** The product's request hash: SHA-256 of the body's JSON with sorted keys. */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}
