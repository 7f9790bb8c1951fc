import { effectivePatch, isEmptyPatch, type SessionPatch, type SessionSnapshot } from './dialogue-session.changes.js';

const A = 'a0000000-0000-4000-8000-00000000000a';
const B = 'a0000000-0000-4000-8000-00000000000b';

const stored: SessionSnapshot = {
  scheduledAt: new Date('2026-03-05T01:30:00Z'),
  location: 'Hội trường UBND phường',
  kind: 'formal',
  chair: 'Trần Văn Bình',
  agenda: null,
  status: 'held',
  heldAt: new Date('2026-03-05T01:30:00Z'),
  minutes: 'Biên bản',
  cancelReason: null,
  invitations: [
    { householdId: A, attended: true, position: 'agree', note: null },
    { householdId: B, attended: null, position: null, note: null },
  ],
};

describe(effectivePatch.name, () => {
  const cases: Array<[string, SessionPatch, SessionPatch]> = [
    [
      'the stored values, sent back in another zone and order',
      {
        scheduledAt: new Date('2026-03-05T08:30:00+07:00'),
        location: stored.location,
        kind: 'formal',
        chair: stored.chair,
        agenda: null,
        householdIds: [B, A],
        status: 'held',
        heldAt: new Date(stored.heldAt as Date),
        minutes: 'Biên bản',
        attendance: [{ householdId: A, attended: true, position: 'agree', note: null }],
      },
      {},
    ],
    ['new minutes only', { status: 'held', minutes: 'Biên bản sửa' }, { minutes: 'Biên bản sửa' }],
    ['an unchanged location', { location: stored.location }, {}],
    ['a new invitation list', { householdIds: [A] }, { householdIds: [A] }],
    [
      'attendance for a household not yet recorded',
      {
        attendance: [
          { householdId: A, attended: true, position: 'agree', note: null },
          { householdId: B, attended: false, position: null, note: null },
        ],
      },
      { attendance: [{ householdId: B, attended: false, position: null, note: null }] },
    ],
    ['a status move', { status: 'scheduled' }, { status: 'scheduled' }],
  ];

  it.each(cases)('should keep only what differs: %s', (_, patch, expected) => {
    expect(effectivePatch(stored, patch)).toEqual(expected);
  });

  it('should treat clearing an empty agenda as no change but setting one as a change', () => {
    expect(isEmptyPatch(effectivePatch(stored, { agenda: null }))).toBe(true);
    expect(effectivePatch(stored, { agenda: 'Tái định cư' })).toEqual({ agenda: 'Tái định cư' });
  });
});
