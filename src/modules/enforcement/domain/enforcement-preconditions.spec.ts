import { missingPreconditions, type Precondition, type PreconditionFacts } from './enforcement-preconditions.js';

const WARD_VISIT = 'a0000000-0000-4000-8000-000000000001';
const FRONT_VISIT = 'a0000000-0000-4000-8000-000000000002';
const FOREIGN_VISIT = 'a0000000-0000-4000-8000-000000000003';

const complete: PreconditionFacts = {
  decisionPostedOn: '2026-03-02',
  delivery: 'delivered',
  deliveredOn: '2026-03-03',
  attestations: [
    { visitId: WARD_VISIT, by: 'ward' },
    { visitId: FRONT_VISIT, by: 'fatherland_front' },
  ],
  householdVisitIds: new Set([WARD_VISIT, FRONT_VISIT]),
  dialogue: { held: true, householdInvited: true },
};

describe(missingPreconditions.name, () => {
  const cases: Array<[string, Partial<PreconditionFacts>, Precondition[]]> = [
    ['everything on file', {}, []],
    ['a witnessed refusal of receipt counts as delivered', { delivery: 'refused' }, []],
    ['the decision not posted', { decisionPostedOn: null }, ['decision_posted']],
    ['the decision not delivered', { delivery: null, deliveredOn: null }, ['decision_delivered']],
    [
      'no Fatherland Front visit',
      { attestations: [{ visitId: WARD_VISIT, by: 'ward' }] },
      ['fatherland_front_persuasion'],
    ],
    [
      'one visit attested for both bodies still needs each body',
      { attestations: [{ visitId: WARD_VISIT, by: 'ward' }], householdVisitIds: new Set([WARD_VISIT]) },
      ['fatherland_front_persuasion'],
    ],
    [
      'a visit of another household',
      {
        attestations: [
          { visitId: WARD_VISIT, by: 'ward' },
          { visitId: FOREIGN_VISIT, by: 'fatherland_front' },
        ],
      },
      ['fatherland_front_persuasion'],
    ],
    ['no dialogue session', { dialogue: null }, ['dialogue_session_held']],
    [
      'a dialogue session not yet held',
      { dialogue: { held: false, householdInvited: true } },
      ['dialogue_session_held'],
    ],
    [
      'a dialogue session the household was not invited to',
      { dialogue: { held: true, householdInvited: false } },
      ['dialogue_session_held'],
    ],
    [
      'an empty file',
      { decisionPostedOn: null, delivery: null, deliveredOn: null, attestations: [], dialogue: null },
      [
        'ward_persuasion',
        'fatherland_front_persuasion',
        'dialogue_session_held',
        'decision_posted',
        'decision_delivered',
      ],
    ],
  ];

  it.each(cases)('should list what is missing: %s', (_, change, expected) => {
    expect(missingPreconditions({ ...complete, ...change })).toEqual(expected);
  });
});
