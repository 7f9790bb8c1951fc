import { type CivilDate, viDate } from '../../../common/time/civil-date.js';
import type { ReminderPlan } from '../../reminders/domain/reminder-plan.js';

export const STATS_REMINDER_KINDS = {
  thresholdReached: 'project.threshold-reached',
  dailyDigest: 'ward.daily-digest',
} as const;

export const statsKeys = {
  /** Once per project: the threshold is announced the first time it is reached, never again. */
  threshold: (projectId: string) => `threshold:${projectId}`,
  digest: (unitId: string, day: CivilDate) => `digest:${unitId}:${day}`,
};

/** 0.7512 → "75,1%", as a Vietnamese report writes it. */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')}%`;
}

export interface ThresholdFacts {
  projectId: string;
  name: string;
  administrativeUnitId: string | null;
  consentRate: number;
  consentThreshold: number;
  consentedHouseholds: number;
  totalHouseholds: number;
  areaConsentRate: number;
}

/** The ward chair hears, once, that a project reached its consent threshold. */
export function planThresholdReached(facts: ThresholdFacts, now: Date): ReminderPlan {
  return {
    kind: STATS_REMINDER_KINDS.thresholdReached,
    subjectType: 'project',
    subjectId: facts.projectId,
    projectId: facts.projectId,
    administrativeUnitId: facts.administrativeUnitId,
    assigneeRole: 'chair',
    title: `Dự án ${facts.name} đạt ngưỡng đồng thuận ${percent(facts.consentThreshold)} (hiện ${percent(facts.consentRate)})`,
    details: {
      consentRate: facts.consentRate,
      consentThreshold: facts.consentThreshold,
      consentedHouseholds: facts.consentedHouseholds,
      totalHouseholds: facts.totalHouseholds,
      areaConsentRate: facts.areaConsentRate,
    },
    dueAt: now,
    dedupeKey: statsKeys.threshold(facts.projectId),
  };
}

export interface WardDigestFacts {
  unitId: string;
  unitName: string;
  openReminders: number;
  overdueFollowUps: number;
  staleHouseholds: number;
  upcomingDialogues: number;
}

/** The morning digest of one ward, for its chair: at most one per ward and day. */
export function planWardDigest(ward: WardDigestFacts, today: CivilDate, now: Date): ReminderPlan {
  return {
    kind: STATS_REMINDER_KINDS.dailyDigest,
    subjectType: 'administrative_unit',
    subjectId: ward.unitId,
    projectId: null,
    householdId: null,
    administrativeUnitId: ward.unitId,
    assigneeRole: 'chair',
    title: `Tổng hợp nhắc việc ngày ${viDate(today)} – ${ward.unitName}`,
    details: {
      date: today,
      openReminders: ward.openReminders,
      overdueFollowUps: ward.overdueFollowUps,
      staleHouseholds: ward.staleHouseholds,
      upcomingDialogues: ward.upcomingDialogues,
    },
    dueAt: now,
    dedupeKey: statsKeys.digest(ward.unitId, today),
  };
}
