import { CONSENT_LIFE, CONSENT_STATUSES, CONSENT_TRANSITIONS, type ConsentStatus } from './consent-status.js';
import { decideTransition, type TransitionFacts, type TransitionRequest } from './consent-transition.rules.js';

const TODAY = '2026-03-10';
const facts = (from: ConsentStatus, extra: Partial<TransitionFacts> = {}): TransitionFacts => ({
  from,
  archived: false,
  viaEnforcement: false,
  ...extra,
});

/** The smallest request that satisfies the rules of each target status. */
function validRequest(to: ConsentStatus): TransitionRequest {
  switch (to) {
    case 'conditional':
      return { to, reason: 'r', condition: 'resettlement_housing' };
    case 'handed_over':
      return { to, reason: 'r', handedOverOn: TODAY };
    case 'not_contacted':
    case 'persuading':
    case 'objecting':
    case 'agreed':
    case 'enforcement_pending':
      return { to, reason: 'r' };
  }
}

const allPairs = CONSENT_STATUSES.flatMap((from) => CONSENT_STATUSES.map((to) => [from, to] as const));
const legalPairs = allPairs.filter(([from, to]) => CONSENT_TRANSITIONS[from].includes(to));
const illegalPairs = allPairs.filter(([from, to]) => !CONSENT_TRANSITIONS[from].includes(to));

describe('consent state machine', () => {
  it('should reach every status from not_contacted', () => {
    const reachable = CONSENT_LIFE.reachableFrom('not_contacted');
    for (const status of CONSENT_STATUSES.filter((s) => s !== 'not_contacted')) {
      expect(reachable).toContain(status);
    }
  });

  it('should make handed_over final and reachable from every other status but not_contacted', () => {
    expect(CONSENT_TRANSITIONS.handed_over).toEqual([]);
    for (const status of CONSENT_STATUSES.filter((s) => s !== 'handed_over')) {
      expect(CONSENT_LIFE.reachableFrom(status)).toContain('handed_over');
    }
  });

  it('should never lead back to not_contacted', () => {
    for (const status of CONSENT_STATUSES) expect(CONSENT_TRANSITIONS[status]).not.toContain('not_contacted');
  });

  it('should follow the domain brief on the key edges', () => {
    expect(CONSENT_TRANSITIONS.not_contacted).toEqual(['persuading']);
    expect(CONSENT_TRANSITIONS.persuading).toEqual(expect.arrayContaining(['objecting', 'conditional', 'agreed']));
    expect(CONSENT_TRANSITIONS.conditional).toContain('agreed');
    expect(CONSENT_TRANSITIONS.agreed).toEqual(expect.arrayContaining(['handed_over', 'objecting']));
    expect(CONSENT_TRANSITIONS.objecting).toContain('enforcement_pending');
    expect(CONSENT_TRANSITIONS.enforcement_pending).toEqual(expect.arrayContaining(['handed_over', 'agreed']));
  });
});

describe(decideTransition.name, () => {
  it.each(illegalPairs)('should refuse %s → %s and list the allowed moves', (from, to) => {
    const decision = decideTransition(facts(from), validRequest(to), TODAY);
    expect(decision).toMatchObject({
      allowed: false,
      code: 'CONSENT_TRANSITION_NOT_ALLOWED',
      details: { from, to, allowed: [...CONSENT_TRANSITIONS[from]] },
    });
  });

  it.each(legalPairs)('should allow %s → %s (through enforcement when it is involved)', (from, to) => {
    const viaEnforcement = from === 'enforcement_pending' || to === 'enforcement_pending';
    const decision = decideTransition(facts(from, { viaEnforcement }), validRequest(to), TODAY);
    expect(decision).toMatchObject({ allowed: true, outcome: { status: to } });
  });

  it.each([['agreed'], ['handed_over']] as const)(
    'should refuse leaving enforcement_pending for %s outside the enforcement process',
    (to) => {
      expect(decideTransition(facts('enforcement_pending'), validRequest(to), TODAY)).toMatchObject({
        allowed: false,
        code: 'ENFORCEMENT_IN_PROGRESS',
      });
    },
  );

  it('should allow enforcement_pending only when the legal preconditions are on file', () => {
    expect(decideTransition(facts('objecting'), { to: 'enforcement_pending', reason: 'r' }, TODAY)).toMatchObject({
      allowed: false,
      code: 'ENFORCEMENT_PRECONDITIONS_MISSING',
    });
    expect(
      decideTransition(facts('objecting', { viaEnforcement: true }), { to: 'enforcement_pending', reason: 'r' }, TODAY),
    ).toMatchObject({ allowed: true, outcome: { status: 'enforcement_pending' } });
  });

  it('should refuse any move of an archived household', () => {
    expect(decideTransition(facts('persuading', { archived: true }), validRequest('agreed'), TODAY)).toMatchObject({
      allowed: false,
      code: 'HOUSEHOLD_ARCHIVED',
    });
  });

  it.each([
    [
      'a conditional move without its condition',
      'persuading',
      { to: 'conditional', reason: 'r' },
      'CONSENT_CONDITION_REQUIRED',
    ],
    [
      'a condition on a move that is not conditional',
      'persuading',
      { to: 'agreed', reason: 'r', condition: 'other' },
      'CONSENT_CONDITION_NOT_APPLICABLE',
    ],
    ['a hand-over without a date', 'agreed', { to: 'handed_over', reason: 'r' }, 'HANDOVER_DATE_REQUIRED'],
    [
      'a hand-over dated after today',
      'agreed',
      { to: 'handed_over', reason: 'r', handedOverOn: '2026-03-11' },
      'HANDOVER_DATE_IN_FUTURE',
    ],
    [
      'an enforced hand-over from agreed',
      'agreed',
      { to: 'handed_over', reason: 'r', handedOverOn: TODAY, handoverMode: 'enforced' },
      'HANDOVER_MODE_MISMATCH',
    ],
    [
      'a voluntary hand-over from enforcement',
      'enforcement_pending',
      { to: 'handed_over', reason: 'r', handedOverOn: TODAY, handoverMode: 'voluntary' },
      'HANDOVER_MODE_MISMATCH',
    ],
    [
      'a hand-over date on another move',
      'persuading',
      { to: 'agreed', reason: 'r', handedOverOn: TODAY },
      'HANDOVER_FIELDS_NOT_APPLICABLE',
    ],
  ] as const)('should refuse %s', (_label, from, request, code) => {
    const viaEnforcement = from === 'enforcement_pending';
    expect(decideTransition(facts(from, { viaEnforcement }), request as TransitionRequest, TODAY)).toMatchObject({
      allowed: false,
      code,
    });
  });

  it('should record the condition of a conditional consent and clear it on agreement', () => {
    const conditional = decideTransition(
      facts('persuading'),
      { to: 'conditional', reason: 'r', condition: 'resettlement_housing', conditionNote: 'căn hộ TĐC' },
      TODAY,
    );
    expect(conditional).toMatchObject({
      allowed: true,
      outcome: { consentCondition: 'resettlement_housing', consentConditionNote: 'căn hộ TĐC' },
    });
    expect(decideTransition(facts('conditional'), validRequest('agreed'), TODAY)).toMatchObject({
      allowed: true,
      outcome: { status: 'agreed', consentCondition: null, consentConditionNote: null },
    });
  });

  it.each([
    ['agreed', 'voluntary'],
    ['enforcement_pending', 'enforced'],
  ] as const)('should derive the hand-over mode from %s as %s', (from, mode) => {
    const viaEnforcement = from === 'enforcement_pending';
    expect(decideTransition(facts(from, { viaEnforcement }), validRequest('handed_over'), TODAY)).toMatchObject({
      allowed: true,
      outcome: { status: 'handed_over', handoverMode: mode, handedOverOn: TODAY },
    });
  });
});
