import { addDaysToInstant, toLocalDate } from '../../../common/time/civil-date.js';
import type { ReminderPlan } from '../../reminders/domain/reminder-plan.js';

export const HOUSEHOLD_STALE_KIND = 'household.stale';

export const staleKeys = {
  /** One silence: the key holds the local day of the last contact, so a new silence is a new reminder. */
  of: (householdId: string, lastContactDay: string | null) => `stale:${householdId}:${lastContactDay ?? 'never'}`,
  household: (householdId: string) => `stale:${householdId}:`,
};

/** A live household of an active project, silent for longer than its project allows. */
export interface SilentHousehold {
  householdId: string;
  projectId: string;
  administrativeUnitId: string | null;
  code: string;
  headName: string;
  lastContactAt: Date | null;
  /** The last contact, or the registration of a household never contacted. */
  silentSince: Date;
  staleAfterDays: number;
}

/** The reminder a silence calls for: due the day the allowance ran out, for the working group. */
export function planStaleReminder(silent: SilentHousehold, timeZone: string): ReminderPlan {
  return {
    kind: HOUSEHOLD_STALE_KIND,
    subjectType: 'household',
    subjectId: silent.householdId,
    projectId: silent.projectId,
    householdId: silent.householdId,
    administrativeUnitId: silent.administrativeUnitId,
    assigneeRole: 'officer',
    title: `Hộ ${silent.headName} (${silent.code}) chưa được tiếp xúc quá ${silent.staleAfterDays} ngày`,
    details: {
      lastContactAt: silent.lastContactAt?.toISOString() ?? null,
      staleAfterDays: silent.staleAfterDays,
      householdCode: silent.code,
    },
    dueAt: addDaysToInstant(silent.silentSince, silent.staleAfterDays),
    dedupeKey: staleKeys.of(
      silent.householdId,
      silent.lastContactAt ? toLocalDate(silent.lastContactAt, timeZone) : null,
    ),
  };
}
