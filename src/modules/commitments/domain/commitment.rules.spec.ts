import {
  type CommitmentFacts,
  decideClose,
  decideReport,
  decideReview,
  decideUpdate,
  outcomeOf,
} from './commitment.rules.js';

const open: CommitmentFacts = { status: 'open', deadline: '2023-12-31', ownerId: 'owner', reviewRating: null };

describe('commitment rules', () => {
  it('should take updates and one closing while open only', () => {
    expect(decideUpdate(open).allowed).toBe(true);
    expect(decideClose(open).allowed).toBe(true);
    const done = { ...open, status: 'done' as const };
    expect(decideUpdate(done)).toMatchObject({ allowed: false, code: 'COMMITMENT_CLOSED' });
    expect(decideClose(done)).toMatchObject({ allowed: false, code: 'COMMITMENT_CLOSED' });
  });

  it('should be reviewed once, by someone else, once closed or past its deadline', () => {
    expect(decideReview(open, 'front', '2023-12-15')).toMatchObject({ code: 'COMMITMENT_NOT_DUE_FOR_REVIEW' });
    expect(decideReview(open, 'front', '2024-01-02').allowed).toBe(true);
    expect(decideReview({ ...open, status: 'done' }, 'front', '2023-06-01').allowed).toBe(true);
    expect(decideReview({ ...open, status: 'done' }, 'owner', '2024-01-02')).toMatchObject({
      code: 'COMMITMENT_OWN_REVIEW',
    });
    expect(decideReview({ ...open, status: 'done', reviewRating: 'good' }, 'front', '2024-01-02')).toMatchObject({
      code: 'COMMITMENT_ALREADY_REVIEWED',
    });
  });

  it('should let the cadre or a chair report, and nobody else', () => {
    expect(decideReport(open, { type: 'user', id: 'owner', role: 'officer' }).allowed).toBe(true);
    expect(decideReport(open, { type: 'user', id: 'boss', role: 'chair' }).allowed).toBe(true);
    expect(decideReport(open, { type: 'user', id: 'colleague', role: 'officer' })).toMatchObject({
      code: 'COMMITMENT_NOT_YOURS',
    });
    expect(decideReport(open, { type: 'api_key', id: 'owner' }).allowed).toBe(false);
  });

  it('should name the outcome: the rating, or where the task stands', () => {
    expect(outcomeOf(open, '2023-06-01')).toBe('in_progress');
    expect(outcomeOf(open, '2024-01-02')).toBe('overdue');
    expect(outcomeOf({ ...open, status: 'not_done' }, '2024-01-02')).toBe('awaiting_review');
    expect(outcomeOf({ ...open, status: 'done', reviewRating: 'excellent' }, '2024-01-02')).toBe('excellent');
  });
});
