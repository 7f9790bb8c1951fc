import { CONSENT_LIFE, type ConsentCondition, type ConsentStatus, type HandoverMode } from './consent-status.js';

/** What the caller asks for. */
export interface TransitionRequest {
  to: ConsentStatus;
  reason: string;
  condition?: ConsentCondition;
  conditionNote?: string;
  handoverMode?: HandoverMode;
  handedOverOn?: string;
}

/** Facts about the household, already loaded by the service. */
export interface TransitionFacts {
  from: ConsentStatus;
  archived: boolean;
  /**
   * The move is made by the enforcement capability, which has checked the legal preconditions of
   * compulsory recovery (LL2024 art. 89: an enforcement decision on file, documented persuasion).
   * Moves into and out of enforcement_pending are made only that way, so the record stays in step.
   */
  viaEnforcement: boolean;
}

/** The household fields a permitted transition sets. */
export interface TransitionOutcome {
  status: ConsentStatus;
  consentCondition: ConsentCondition | null;
  consentConditionNote: string | null;
  handoverMode: HandoverMode | null;
  handedOverOn: string | null;
}

export type TransitionRefusalCode =
  | 'HOUSEHOLD_ARCHIVED'
  | 'CONSENT_TRANSITION_NOT_ALLOWED'
  | 'CONSENT_CONDITION_REQUIRED'
  | 'CONSENT_CONDITION_NOT_APPLICABLE'
  | 'HANDOVER_DATE_REQUIRED'
  | 'HANDOVER_DATE_IN_FUTURE'
  | 'HANDOVER_MODE_MISMATCH'
  | 'HANDOVER_FIELDS_NOT_APPLICABLE'
  | 'ENFORCEMENT_PRECONDITIONS_MISSING'
  | 'ENFORCEMENT_IN_PROGRESS';

export type TransitionDecision =
  | { allowed: true; outcome: TransitionOutcome }
  | { allowed: false; code: TransitionRefusalCode; message: string; details: Record<string, unknown> };

function refuse(
  code: TransitionRefusalCode,
  message: string,
  facts: TransitionFacts,
  extra: Record<string, unknown> = {},
): TransitionDecision {
  return {
    allowed: false,
    code,
    message,
    details: { from: facts.from, allowed: [...CONSENT_LIFE.allowed(facts.from)], ...extra },
  };
}

/**
 * Decides whether a household may move from its current status to the requested one. Pure: takes
 * loaded facts and today's civil date, does no IO.
 */
export function decideTransition(
  facts: TransitionFacts,
  request: TransitionRequest,
  today: string,
): TransitionDecision {
  const { from } = facts;
  const { to } = request;
  if (facts.archived) {
    return refuse('HOUSEHOLD_ARCHIVED', 'An archived household cannot change status', facts);
  }
  if (!CONSENT_LIFE.can(from, to)) {
    const allowed = CONSENT_LIFE.allowed(from);
    const hint = allowed.length === 0 ? `${from} is final` : `allowed from ${from}: ${allowed.join(', ')}`;
    return refuse('CONSENT_TRANSITION_NOT_ALLOWED', `A household cannot move from ${from} to ${to} (${hint})`, facts, {
      to,
    });
  }

  if (from === 'enforcement_pending' && !facts.viaEnforcement) {
    return refuse(
      'ENFORCEMENT_IN_PROGRESS',
      'A household under enforcement leaves it through its enforcement record (comply or execute)',
      facts,
      { to },
    );
  }

  if (to === 'conditional' && !request.condition) {
    return refuse('CONSENT_CONDITION_REQUIRED', 'A conditional consent must say its condition', facts, { to });
  }
  if (to !== 'conditional' && (request.condition || request.conditionNote)) {
    return refuse('CONSENT_CONDITION_NOT_APPLICABLE', 'Only a move to conditional carries a condition', facts, { to });
  }

  if (to === 'handed_over') {
    if (!request.handedOverOn) {
      return refuse('HANDOVER_DATE_REQUIRED', 'A hand-over must record the date the site was handed over', facts, {
        to,
      });
    }
    if (request.handedOverOn > today) {
      return refuse(
        'HANDOVER_DATE_IN_FUTURE',
        `The hand-over date ${request.handedOverOn} is after today (${today})`,
        facts,
        {
          to,
          today,
        },
      );
    }
    const mode: HandoverMode = from === 'enforcement_pending' ? 'enforced' : 'voluntary';
    if (request.handoverMode && request.handoverMode !== mode) {
      return refuse(
        'HANDOVER_MODE_MISMATCH',
        `A hand-over from ${from} is ${mode}, not ${request.handoverMode}`,
        facts,
        { to, expectedMode: mode },
      );
    }
    return {
      allowed: true,
      outcome: {
        status: to,
        consentCondition: null,
        consentConditionNote: null,
        handoverMode: mode,
        handedOverOn: request.handedOverOn,
      },
    };
  }
  if (request.handoverMode || request.handedOverOn) {
    return refuse('HANDOVER_FIELDS_NOT_APPLICABLE', 'Hand-over mode and date belong to a move to handed_over', facts, {
      to,
    });
  }

  if (to === 'enforcement_pending' && !facts.viaEnforcement) {
    return refuse(
      'ENFORCEMENT_PRECONDITIONS_MISSING',
      'Compulsory recovery needs an enforcement decision on file and documented persuasion (LL2024 art. 89); record them through the enforcement process',
      facts,
      { to },
    );
  }

  return {
    allowed: true,
    outcome: {
      status: to,
      consentCondition: to === 'conditional' ? (request.condition ?? null) : null,
      consentConditionNote: to === 'conditional' ? (request.conditionNote ?? null) : null,
      handoverMode: null,
      handedOverOn: null,
    },
  };
}
