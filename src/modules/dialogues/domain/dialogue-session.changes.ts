import type { DialoguePosition } from '../dialogue-participant.entity.js';
import type { DialogueKind, DialogueStatus } from '../dialogue-session.entity.js';

export interface AttendanceRecord {
  householdId: string;
  attended: boolean;
  position: DialoguePosition | null;
  note: string | null;
}

/** An invitation as stored: `attended` is null until attendance is recorded. */
export interface Invitation extends Omit<AttendanceRecord, 'attended'> {
  attended: boolean | null;
}

export interface SessionSnapshot {
  scheduledAt: Date;
  location: string;
  kind: DialogueKind;
  chair: string;
  agenda: string | null;
  status: DialogueStatus;
  heldAt: Date | null;
  minutes: string | null;
  cancelReason: string | null;
  invitations: readonly Invitation[];
}

/** A requested change; absent fields are left alone. */
export interface SessionPatch {
  scheduledAt?: Date;
  location?: string;
  kind?: DialogueKind;
  chair?: string;
  agenda?: string | null;
  /** The full list of invited households, replacing the current one. */
  householdIds?: readonly string[];
  status?: DialogueStatus;
  heldAt?: Date;
  minutes?: string;
  cancelReason?: string;
  /** Records for some invited households; the others keep theirs. */
  attendance?: readonly AttendanceRecord[];
}

export const PLAN_FIELDS = [
  'scheduledAt',
  'location',
  'kind',
  'chair',
  'agenda',
  'householdIds',
] as const satisfies ReadonlyArray<keyof SessionPatch>;

const sameInstant = (a: Date | null, b: Date): boolean => a !== null && a.getTime() === b.getTime();

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((id) => left.has(id));
}

/**
 * The part of `patch` that differs from what is stored. Resending stored values is not a change, so
 * a client that sends back the whole form to fix the minutes, or retries a request whose answer it
 * never got, is neither refused nor bumps the version.
 */
export function effectivePatch(current: SessionSnapshot, patch: SessionPatch): SessionPatch {
  const changed: SessionPatch = {};
  if (patch.scheduledAt !== undefined && !sameInstant(current.scheduledAt, patch.scheduledAt))
    changed.scheduledAt = patch.scheduledAt;
  if (patch.location !== undefined && patch.location !== current.location) changed.location = patch.location;
  if (patch.kind !== undefined && patch.kind !== current.kind) changed.kind = patch.kind;
  if (patch.chair !== undefined && patch.chair !== current.chair) changed.chair = patch.chair;
  if (patch.agenda !== undefined && patch.agenda !== current.agenda) changed.agenda = patch.agenda;
  if (patch.status !== undefined && patch.status !== current.status) changed.status = patch.status;
  if (patch.heldAt !== undefined && !sameInstant(current.heldAt, patch.heldAt)) changed.heldAt = patch.heldAt;
  if (patch.minutes !== undefined && patch.minutes !== current.minutes) changed.minutes = patch.minutes;
  if (patch.cancelReason !== undefined && patch.cancelReason !== current.cancelReason)
    changed.cancelReason = patch.cancelReason;
  if (
    patch.householdIds !== undefined &&
    !sameSet(
      current.invitations.map((i) => i.householdId),
      patch.householdIds,
    )
  ) {
    changed.householdIds = patch.householdIds;
  }
  if (patch.attendance !== undefined) {
    const stored = new Map(current.invitations.map((i) => [i.householdId, i]));
    const attendance = patch.attendance.filter((record) => {
      const was = stored.get(record.householdId);
      return !was || was.attended !== record.attended || was.position !== record.position || was.note !== record.note;
    });
    if (attendance.length > 0) changed.attendance = attendance;
  }
  return changed;
}

export function isEmptyPatch(patch: SessionPatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}
