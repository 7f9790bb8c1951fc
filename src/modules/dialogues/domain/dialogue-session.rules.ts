import type { DialogueStatus } from '../dialogue-session.entity.js';
import { PLAN_FIELDS, type SessionPatch } from './dialogue-session.changes.js';
import { DIALOGUE_LIFE } from './dialogue-status.js';

/** Facts about the stored session, already loaded (and locked) by the service. */
export interface SessionFacts {
  status: DialogueStatus;
  /** The households invited once the request's own invitation changes are applied. */
  invitedHouseholdIds: ReadonlySet<string>;
}

export type SessionRefusalCode =
  | 'DIALOGUE_SESSION_CANCELLED'
  | 'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED'
  | 'DIALOGUE_SESSION_NOT_SCHEDULED'
  | 'DIALOGUE_HELD_AT_REQUIRED'
  | 'DIALOGUE_HELD_AT_IN_FUTURE'
  | 'DIALOGUE_MINUTES_REQUIRED'
  | 'DIALOGUE_RECORD_NOT_APPLICABLE'
  | 'DIALOGUE_ATTENDEE_NOT_INVITED'
  | 'DIALOGUE_CANCEL_REASON_REQUIRED'
  | 'DIALOGUE_CANCEL_REASON_NOT_APPLICABLE';

export type SessionChangeDecision =
  | { allowed: true; status: DialogueStatus }
  | { allowed: false; code: SessionRefusalCode; message: string; details: Record<string, unknown> };

function refuse(
  code: SessionRefusalCode,
  message: string,
  from: DialogueStatus,
  extra: Record<string, unknown> = {},
): SessionChangeDecision {
  return {
    allowed: false,
    code,
    message,
    details: { status: from, allowedStatuses: [...DIALOGUE_LIFE.allowed(from)], ...extra },
  };
}

function carriesRecord(request: SessionPatch): boolean {
  return request.heldAt !== undefined || request.minutes !== undefined || request.attendance !== undefined;
}

/**
 * Decides whether a session may take the requested change (already reduced to what actually differs,
 * see `effectivePatch`), and the status it ends in. Pure: takes loaded facts and `now`, does no IO.
 *
 * Planning fields change only while the session is scheduled (a change in the same request that
 * marks it held is still allowed: the room moved at the last minute, a household walked in). A held
 * session keeps its status but its minutes and attendance can be corrected. A cancelled one is frozen.
 */
export function decideSessionChange(facts: SessionFacts, request: SessionPatch, now: Date): SessionChangeDecision {
  const from = facts.status;
  const to = request.status ?? from;

  if (from === 'cancelled') {
    return refuse('DIALOGUE_SESSION_CANCELLED', 'A cancelled dialogue session cannot be changed', from);
  }
  if (to !== from && !DIALOGUE_LIFE.can(from, to)) {
    const allowed = DIALOGUE_LIFE.allowed(from);
    const hint = allowed.length === 0 ? `${from} is final` : `allowed from ${from}: ${allowed.join(', ')}`;
    return refuse(
      'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED',
      `A dialogue session cannot move from ${from} to ${to} (${hint})`,
      from,
      { to },
    );
  }
  if (PLAN_FIELDS.some((field) => request[field] !== undefined) && from !== 'scheduled') {
    return refuse(
      'DIALOGUE_SESSION_NOT_SCHEDULED',
      `Time, place, kind, chair, agenda and invitations can only change while the session is scheduled (it is ${from})`,
      from,
    );
  }

  if (to === 'cancelled') {
    if (carriesRecord(request)) {
      return refuse(
        'DIALOGUE_RECORD_NOT_APPLICABLE',
        'A cancelled session has no heldAt, minutes or attendance',
        from,
        { to },
      );
    }
    if (request.cancelReason === undefined) {
      return refuse(
        'DIALOGUE_CANCEL_REASON_REQUIRED',
        'Cancelling a dialogue session must say why (cancelReason)',
        from,
        { to },
      );
    }
    return { allowed: true, status: to };
  }
  if (request.cancelReason !== undefined) {
    return refuse('DIALOGUE_CANCEL_REASON_NOT_APPLICABLE', 'cancelReason belongs to a move to cancelled', from, { to });
  }

  if (to === 'scheduled') {
    if (carriesRecord(request)) {
      return refuse(
        'DIALOGUE_RECORD_NOT_APPLICABLE',
        'heldAt, minutes and attendance are recorded when the session is marked held (status: held)',
        from,
        { to },
      );
    }
    return { allowed: true, status: to };
  }

  if (from !== 'held') {
    if (request.heldAt === undefined) {
      return refuse('DIALOGUE_HELD_AT_REQUIRED', 'A held session must record when it took place (heldAt)', from, {
        to,
      });
    }
    if (request.minutes === undefined) {
      return refuse('DIALOGUE_MINUTES_REQUIRED', 'A held session must record its minutes (biên bản)', from, { to });
    }
  }
  if (request.heldAt !== undefined && request.heldAt.getTime() > now.getTime()) {
    return refuse('DIALOGUE_HELD_AT_IN_FUTURE', `heldAt ${request.heldAt.toISOString()} is in the future`, from, {
      to,
      now: now.toISOString(),
    });
  }
  const notInvited = (request.attendance ?? [])
    .map((record) => record.householdId)
    .filter((id) => !facts.invitedHouseholdIds.has(id));
  if (notInvited.length > 0) {
    return refuse(
      'DIALOGUE_ATTENDEE_NOT_INVITED',
      'Attendance can only be recorded for households invited to the session',
      from,
      { to, householdIds: notInvited },
    );
  }
  return { allowed: true, status: to };
}
