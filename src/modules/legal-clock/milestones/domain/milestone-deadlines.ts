import type { CivilDate } from '../../../../common/time/civil-date.js';
import { computeDeadline, type DayKind } from '../../domain/deadline.js';
import type { RuleCode } from '../../domain/rule-codes.js';

export const MILESTONE_KINDS = [
  'recovery_notice_sent',
  'inventory_refused',
  'compensation_plan_posted',
  'plan_approved',
  'compensation_paid',
  'site_handed_over',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const LAND_KINDS = ['agricultural', 'non_agricultural'] as const;
export type LandKind = (typeof LAND_KINDS)[number];

/** earliest: not before (a decision); due: by then at the latest; ends: a period closes; expires: no longer valid. */
export const DEADLINE_TYPES = ['earliest', 'due', 'ends', 'expires'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

export interface MilestoneFacts {
  id: string;
  kind: MilestoneKind;
  householdId: string | null;
  occurredOn: CivilDate;
  landKind: LandKind | null;
}

export interface RuleTerms {
  code: string;
  offsetDays: number;
  dayKind: DayKind;
  action: string;
  legalBasis: string;
  active: boolean;
}

interface Step {
  ruleCode: RuleCode;
  type: DeadlineType;
  /** Counted from the milestone's day, or from the previous step's due date. */
  from: 'event' | 'previous';
}

export interface DerivedDeadline {
  ruleCode: string;
  type: DeadlineType;
  action: string;
  legalBasis: string;
  offsetDays: number;
  fromOn: CivilDate;
  unshiftedOn: CivilDate;
  dueOn: CivilDate;
}

export interface MilestoneWarning {
  code: 'HANDOVER_BEFORE_PAYMENT';
  message: string;
}

/** What each milestone sets running (domain brief, "Legal clock"; the articles are on the rules). */
export function deadlineSteps(kind: MilestoneKind, landKind: LandKind | null): Step[] {
  switch (kind) {
    case 'recovery_notice_sent':
      return [
        {
          ruleCode:
            landKind === 'agricultural' ? 'recovery.decision.agricultural' : 'recovery.decision.non-agricultural',
          type: 'earliest',
          from: 'event',
        },
        { ruleCode: 'recovery.notice.validity', type: 'expires', from: 'event' },
      ];
    case 'inventory_refused':
      return [
        { ruleCode: 'inventory.persuasion', type: 'due', from: 'event' },
        { ruleCode: 'inventory.compulsory', type: 'due', from: 'previous' },
      ];
    case 'compensation_plan_posted':
      return [{ ruleCode: 'plan.posting', type: 'ends', from: 'event' }];
    case 'plan_approved':
      return [
        { ruleCode: 'plan.recovery-decision', type: 'due', from: 'event' },
        { ruleCode: 'compensation.payment', type: 'due', from: 'event' },
      ];
    case 'compensation_paid':
    case 'site_handed_over':
      return [];
  }
}

/**
 * The deadlines a milestone sets running under the current rules and calendar. A switched-off (or
 * missing) rule yields no deadline, nor do the steps counted from it.
 */
export function deriveDeadlines(
  milestone: MilestoneFacts,
  rules: ReadonlyMap<string, RuleTerms>,
  holidays: ReadonlySet<CivilDate>,
): DerivedDeadline[] {
  const derived: DerivedDeadline[] = [];
  let previousDueOn: CivilDate | undefined;
  for (const step of deadlineSteps(milestone.kind, milestone.landKind)) {
    const rule = rules.get(step.ruleCode);
    const fromOn: CivilDate | undefined = step.from === 'event' ? milestone.occurredOn : previousDueOn;
    if (!rule?.active || fromOn === undefined) {
      previousDueOn = undefined;
      continue;
    }
    const { dueOn, unshiftedOn } = computeDeadline(rule, fromOn, holidays);
    previousDueOn = dueOn;
    derived.push({
      ruleCode: rule.code,
      type: step.type,
      action: rule.action,
      legalBasis: rule.legalBasis,
      offsetDays: rule.offsetDays,
      fromOn,
      unshiftedOn,
      dueOn,
    });
  }
  return derived;
}

/**
 * Whether the act a deadline calls for is already on file, so nobody needs reminding of it: the
 * compensation a plan's approval makes due is paid by a payment recorded on or after the approval,
 * for the same household or for the whole project (LL2024 art. 94).
 */
export function isDeadlineMet(ruleCode: string, milestone: MilestoneFacts, all: readonly MilestoneFacts[]): boolean {
  if (ruleCode !== 'compensation.payment') return false;
  return all.some(
    (payment) =>
      payment.kind === 'compensation_paid' &&
      payment.occurredOn >= milestone.occurredOn &&
      (payment.householdId === null || payment.householdId === milestone.householdId),
  );
}

/**
 * Possession only after payment (IFC PS5 / ESS5; LL2024 Điều 94): a hand-over is flagged unless a
 * payment on or before its day covers it — a payment recorded for the same household, or one
 * recorded for the whole project.
 */
export function handoverWarnings(milestones: readonly MilestoneFacts[]): Map<string, MilestoneWarning[]> {
  const payments = milestones.filter((m) => m.kind === 'compensation_paid');
  const warnings = new Map<string, MilestoneWarning[]>();
  for (const handover of milestones.filter((m) => m.kind === 'site_handed_over')) {
    const paid = payments.some(
      (payment) =>
        payment.occurredOn <= handover.occurredOn &&
        (payment.householdId === null || payment.householdId === handover.householdId),
    );
    if (!paid) {
      warnings.set(handover.id, [
        {
          code: 'HANDOVER_BEFORE_PAYMENT',
          message:
            handover.householdId === null
              ? 'Bàn giao mặt bằng trước khi có ghi nhận chi trả bồi thường cho dự án'
              : 'Bàn giao mặt bằng trước khi có ghi nhận chi trả bồi thường cho hộ',
        },
      ]);
    }
  }
  return warnings;
}
