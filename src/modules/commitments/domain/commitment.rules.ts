import type { CivilDate } from '../../../common/time/civil-date.js';

export const COMMITMENT_SCOPES = ['project', 'households', 'free_text'] as const;
export type CommitmentScope = (typeof COMMITMENT_SCOPES)[number];

/** open while the cadre works on it; done or not_done once they close it. */
export const COMMITMENT_STATUSES = ['open', 'done', 'not_done'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** The year-end rating of the Fatherland Front, as its reviews word it. */
export const REVIEW_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const REVIEW_RATING_LABELS: Readonly<Record<ReviewRating, string>> = {
  excellent: 'Hoàn thành xuất sắc',
  good: 'Hoàn thành tốt',
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};

/** What a list shows as a commitment's outcome: the review when there is one, else where it stands. */
export type CommitmentOutcome = ReviewRating | 'in_progress' | 'overdue' | 'awaiting_review';

export interface CommitmentFacts {
  status: CommitmentStatus;
  deadline: CivilDate;
  ownerId: string;
  reviewRating: ReviewRating | null;
}

export type CommitmentDecision = { allowed: true } | { allowed: false; code: string; message: string };

const ALLOWED: CommitmentDecision = { allowed: true };

/** Who reports on a task and closes it: the cadre who committed, or a chair (or admin) over them. */
export function decideReport(
  c: Pick<CommitmentFacts, 'ownerId'>,
  reporter: { type: string; id: string; role?: string },
): CommitmentDecision {
  if (
    reporter.type === 'user' &&
    (reporter.id === c.ownerId || reporter.role === 'chair' || reporter.role === 'admin')
  ) {
    return ALLOWED;
  }
  return {
    allowed: false,
    code: 'COMMITMENT_NOT_YOURS',
    message: 'Only the cadre who committed, or a chair, reports on a commitment',
  };
}

/** Progress is reported while the task is open. */
export function decideUpdate(c: CommitmentFacts): CommitmentDecision {
  return c.status === 'open'
    ? ALLOWED
    : {
        allowed: false,
        code: 'COMMITMENT_CLOSED',
        message: `The commitment is closed (${c.status}); it takes no more updates`,
      };
}

/** The cadre closes the task once, as done or not done. */
export function decideClose(c: CommitmentFacts): CommitmentDecision {
  return c.status === 'open'
    ? ALLOWED
    : { allowed: false, code: 'COMMITMENT_CLOSED', message: `The commitment is already closed (${c.status})` };
}

/**
 * The supervisor reviews a task once, when there is something to judge: it is closed, or its deadline
 * has passed (a task left open past its deadline is judged as it stands). Nobody reviews their own.
 */
export function decideReview(c: CommitmentFacts, reviewerId: string | null, today: CivilDate): CommitmentDecision {
  if (c.reviewRating !== null) {
    return { allowed: false, code: 'COMMITMENT_ALREADY_REVIEWED', message: 'The commitment has already been reviewed' };
  }
  if (reviewerId !== null && reviewerId === c.ownerId) {
    return { allowed: false, code: 'COMMITMENT_OWN_REVIEW', message: 'A cadre cannot review their own commitment' };
  }
  if (c.status === 'open' && c.deadline >= today) {
    return {
      allowed: false,
      code: 'COMMITMENT_NOT_DUE_FOR_REVIEW',
      message: `The commitment is open until its deadline (${c.deadline}); it is reviewed once closed or past it`,
    };
  }
  return ALLOWED;
}

/** Where a commitment stands, for lists per unit and year. Pure. */
export function outcomeOf(c: CommitmentFacts, today: CivilDate): CommitmentOutcome {
  if (c.reviewRating) return c.reviewRating;
  if (c.status !== 'open') return 'awaiting_review';
  return c.deadline < today ? 'overdue' : 'in_progress';
}
