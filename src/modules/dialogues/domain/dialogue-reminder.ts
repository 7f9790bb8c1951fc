import { HOUR_MS, viDateTime } from '../../../common/time/civil-date.js';
import type { ReminderPlan } from '../../reminders/domain/reminder-plan.js';
import type { DialogueStatus } from '../dialogue-session.entity.js';

export const DIALOGUE_UPCOMING_KIND = 'dialogue.upcoming';

/** How long before a dialogue session its reminder falls due. */
export const DIALOGUE_NOTICE_MS = 24 * HOUR_MS;

export const dialogueKeys = {
  upcoming: (sessionId: string, scheduledAt: Date) => `dialogue-upcoming:${sessionId}:${scheduledAt.toISOString()}`,
  /** Every announcement of a session, whatever its time. */
  session: (sessionId: string) => `dialogue-upcoming:${sessionId}:`,
};

export interface DialogueFacts {
  id: string;
  projectId: string;
  administrativeUnitId: string | null;
  scheduledAt: Date;
  location: string;
  chair: string;
  status: DialogueStatus;
}

/** A session still to be held is announced 24 hours ahead; null when there is nothing to announce. */
export function planDialogueUpcoming(session: DialogueFacts, timeZone: string): ReminderPlan | null {
  if (session.status !== 'scheduled') return null;
  return {
    kind: DIALOGUE_UPCOMING_KIND,
    subjectType: 'dialogue_session',
    subjectId: session.id,
    projectId: session.projectId,
    householdId: null,
    administrativeUnitId: session.administrativeUnitId,
    assigneeRole: null,
    title: `Buổi đối thoại lúc ${viDateTime(session.scheduledAt, timeZone)} tại ${session.location}`,
    details: { scheduledAt: session.scheduledAt.toISOString(), location: session.location, chair: session.chair },
    dueAt: new Date(session.scheduledAt.getTime() - DIALOGUE_NOTICE_MS),
    dedupeKey: dialogueKeys.upcoming(session.id, session.scheduledAt),
  };
}

const STATUS_WORDS: Record<DialogueStatus, string> = {
  scheduled: 'được lên lịch',
  held: 'diễn ra',
  cancelled: 'bị hủy',
};

/** Why the earlier announcements of a session no longer stand. */
export function announcementCancelReason(status: DialogueStatus): string {
  return status === 'scheduled' ? 'Buổi đối thoại đã đổi giờ' : `Buổi đối thoại đã ${STATUS_WORDS[status]}`;
}
