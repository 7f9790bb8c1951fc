import type { CivilDate } from '../../../common/time/civil-date.js';
import type { RuleCode } from '../../legal-clock/domain/rule-codes.js';
import {
  COMPLAINT_LIFE,
  type ComplaintAction,
  type ComplaintStatus,
  OPEN_COMPLAINT_STATUSES,
} from './complaint-status.js';

export interface ComplaintFacts {
  status: ComplaintStatus;
  receivedOn: CivilDate;
  acceptedOn: CivilDate | null;
  acceptDueOn: CivilDate | null;
  resolveDueOn: CivilDate | null;
}

export interface ComplaintStep {
  action: ComplaintAction;
  /** The legal day of the step: acceptance, decision, withdrawal (today for escalations). */
  on: CivilDate;
  /** For extensions. */
  newResolveDueOn?: CivilDate;
}

export type ComplaintDecision =
  | { allowed: true; to: ComplaintStatus }
  | { allowed: false; code: string; message: string; details: Record<string, unknown> };

const refuse = (code: string, message: string, details: Record<string, unknown>): ComplaintDecision => ({
  allowed: false,
  code,
  message,
  details,
});

/** Decides one step of a complaint's life against the transition table and the date rules. */
export function decideComplaintStep(facts: ComplaintFacts, step: ComplaintStep, today: CivilDate): ComplaintDecision {
  const to = COMPLAINT_LIFE.next(facts.status, step.action);
  if (to === undefined) {
    return refuse('COMPLAINT_TRANSITION_REFUSED', `A ${facts.status} complaint does not allow "${step.action}"`, {
      status: facts.status,
      action: step.action,
      allowed: COMPLAINT_LIFE.actionsFrom(facts.status),
    });
  }
  if (step.on > today)
    return refuse('COMPLAINT_DATE_IN_FUTURE', `The date ${step.on} is after today (${today})`, { on: step.on, today });
  const earliest = facts.acceptedOn ?? facts.receivedOn;
  if (step.on < earliest)
    return refuse(
      'COMPLAINT_DATE_TOO_EARLY',
      `The date ${step.on} is before ${earliest}, when the complaint was ${facts.acceptedOn ? 'accepted' : 'received'}`,
      {
        on: step.on,
        earliest,
      },
    );
  if (step.action === 'extend') {
    const current = facts.resolveDueOn;
    if (!step.newResolveDueOn || (current !== null && step.newResolveDueOn <= current))
      return refuse('COMPLAINT_EXTENSION_NOT_LATER', 'An extension must move the resolution deadline later', {
        resolveDueOn: current,
        newResolveDueOn: step.newResolveDueOn ?? null,
      });
  }
  return { allowed: true, to };
}

/** Law on Complaints 2011, Điều 28: 30 days, 45 if complex; 45 and 60 in remote areas. */
export function resolveRuleCode(complex: boolean, remoteArea: boolean): RuleCode {
  if (remoteArea) return complex ? 'complaint.resolve.remote-complex' : 'complaint.resolve.remote';
  return complex ? 'complaint.resolve.complex' : 'complaint.resolve';
}

export interface OpenDeadline {
  kind: 'accept' | 'resolve';
  dueOn: CivilDate;
}

/** The deadline an open complaint is running against, if any. */
export function openDeadline(facts: ComplaintFacts): OpenDeadline | null {
  if (!OPEN_COMPLAINT_STATUSES.includes(facts.status)) return null;
  if (facts.status === 'received') return facts.acceptDueOn ? { kind: 'accept', dueOn: facts.acceptDueOn } : null;
  return facts.resolveDueOn ? { kind: 'resolve', dueOn: facts.resolveDueOn } : null;
}

/**
 * Overdue once the due day has passed without the step. An extended deadline is the deadline: a
 * complaint within its lawful extension is not overdue.
 */
export function isOverdue(facts: ComplaintFacts, today: CivilDate): boolean {
  const deadline = openDeadline(facts);
  return deadline !== null && deadline.dueOn < today;
}
