import type { FieldErrors } from '../../../common/errors/domain-error.js';
import type { Precondition } from './enforcement-preconditions.js';
import {
  EDITABLE_STATUSES,
  ENFORCEMENT_LEGAL_BASIS,
  ENFORCEMENT_LIFE,
  type EnforcementStatus,
} from './enforcement-status.js';
import type { ForbiddenTime } from './enforcement-window.js';

export type EnforcementRefusalCode =
  | 'ENFORCEMENT_RECORD_CLOSED'
  | 'ENFORCEMENT_NOT_SCHEDULED'
  | 'ENFORCEMENT_PRECONDITIONS_MISSING'
  | 'ENFORCEMENT_SCHEDULE_IN_PAST'
  | 'ENFORCEMENT_TIME_FORBIDDEN';

export type EnforcementDecision =
  | { allowed: true }
  | { allowed: false; code: EnforcementRefusalCode; message: string; details: Record<string, unknown> };

const ALLOWED = { allowed: true } as const;

function refuse(
  code: EnforcementRefusalCode,
  message: string,
  details: Record<string, unknown> = {},
): EnforcementDecision {
  return { allowed: false, code, message, details };
}

/** The decision data and the persuasion file can be corrected only before anything is scheduled. */
export function decideEdit(status: EnforcementStatus): EnforcementDecision {
  return EDITABLE_STATUSES.includes(status)
    ? ALLOWED
    : refuse('ENFORCEMENT_RECORD_CLOSED', `An enforcement record that is ${status} can no longer be changed`, {
        status,
      });
}

/** The status a draft or ready record takes once its file is (in)complete. */
export function fileStatus(missing: readonly Precondition[]): EnforcementStatus {
  return missing.length === 0 ? 'ready' : 'draft';
}

export interface ScheduleFacts {
  status: EnforcementStatus;
  missing: readonly Precondition[];
  forbidden: readonly ForbiddenTime[];
  scheduledAt: Date;
  now: Date;
}

/**
 * Whether enforcement may be scheduled (or rescheduled) at the proposed time: the record must be
 * open, its preconditions complete, the time in the future and lawful (LL2024 art. 89).
 */
export function decideSchedule(facts: ScheduleFacts): EnforcementDecision {
  if (facts.status !== 'scheduled' && !ENFORCEMENT_LIFE.can(facts.status, 'scheduled')) {
    return refuse('ENFORCEMENT_RECORD_CLOSED', `An enforcement record that is ${facts.status} cannot be scheduled`, {
      status: facts.status,
    });
  }
  if (facts.missing.length > 0) {
    return refuse(
      'ENFORCEMENT_PRECONDITIONS_MISSING',
      `Enforcement cannot be scheduled before these are on file: ${facts.missing.join(', ')} (${ENFORCEMENT_LEGAL_BASIS})`,
      { missing: [...facts.missing], legalBasis: ENFORCEMENT_LEGAL_BASIS },
    );
  }
  if (facts.scheduledAt.getTime() <= facts.now.getTime()) {
    return refuse('ENFORCEMENT_SCHEDULE_IN_PAST', 'Enforcement must be scheduled in the future', {
      scheduledAt: facts.scheduledAt.toISOString(),
      now: facts.now.toISOString(),
    });
  }
  if (facts.forbidden.length > 0) {
    return refuse('ENFORCEMENT_TIME_FORBIDDEN', facts.forbidden.map((f) => f.message).join('; '), {
      reasons: facts.forbidden.map((f) => f.code),
      messages: facts.forbidden.map((f) => f.message),
      legalBasis: ENFORCEMENT_LEGAL_BASIS,
    });
  }
  return ALLOWED;
}

/** Compliance and execution both end a scheduled enforcement. */
export function decideOutcome(status: EnforcementStatus): EnforcementDecision {
  return ENFORCEMENT_LIFE.can(status, 'executed') && ENFORCEMENT_LIFE.can(status, 'complied')
    ? ALLOWED
    : refuse('ENFORCEMENT_NOT_SCHEDULED', `Only a scheduled enforcement can end; this one is ${status}`, { status });
}

export interface DecisionDates {
  decisionIssuedOn: string;
  decisionPostedOn: string | null;
  delivery: string | null;
  deliveredOn: string | null;
  deliveryNote: string | null;
}

/**
 * Field errors in the decision data: dates in order and not in the future, a delivery with its date,
 * and a refusal of receipt with the witness note that makes it count as delivered. Pure.
 */
export function decisionDateErrors(dates: DecisionDates, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (dates.decisionIssuedOn > today) add('decisionIssuedOn', `decisionIssuedOn must not be after today (${today})`);
  for (const field of ['decisionPostedOn', 'deliveredOn'] as const) {
    const value = dates[field];
    if (value === null) continue;
    if (value < dates.decisionIssuedOn)
      add(field, `${field} must not be before the decision was issued (${dates.decisionIssuedOn})`);
    if (value > today) add(field, `${field} must not be after today (${today})`);
  }
  if (dates.delivery !== null && dates.deliveredOn === null)
    add('deliveredOn', 'deliveredOn is required with delivery');
  if (dates.delivery === null && dates.deliveredOn !== null) add('delivery', 'delivery is required with deliveredOn');
  if (dates.delivery === 'refused' && !dates.deliveryNote) {
    add('deliveryNote', 'a refusal of receipt must be recorded with a witness note (deliveryNote)');
  }
  return errors;
}

/** Field errors for the day a scheduled enforcement ended, by compliance or by execution. */
export function outcomeDateErrors(
  field: 'compliedOn' | 'handedOverOn',
  value: string,
  earliest: string,
  today: string,
): FieldErrors {
  const messages: string[] = [];
  if (value < earliest) messages.push(`${field} must not be before ${earliest}`);
  if (value > today) messages.push(`${field} must not be after today (${today})`);
  return messages.length ? { [field]: messages } : {};
}
