import type { DialogueStatus } from '../dialogue-session.entity.js';
import type { SessionPatch } from './dialogue-session.changes.js';
import { decideSessionChange } from './dialogue-session.rules.js';
import { DIALOGUE_STATUS_MOVES } from './dialogue-status.js';

const NOW = new Date('2026-03-10T02:00:00Z');
const PAST = new Date('2026-03-09T02:00:00Z');
const FUTURE = new Date('2026-03-10T02:00:01Z');
const INVITED = 'a0000000-0000-4000-8000-000000000001';
const STRANGER = 'a0000000-0000-4000-8000-000000000002';

const attending = (householdId: string) => ({ householdId, attended: true, position: null, note: null });
const held = (extra: Partial<SessionPatch> = {}): SessionPatch => ({
  status: 'held',
  heldAt: PAST,
  minutes: 'Biên bản đối thoại',
  ...extra,
});

describe(decideSessionChange.name, () => {
  const cases: Array<[string, DialogueStatus, SessionPatch, string]> = [
    ['reschedule a scheduled session', 'scheduled', { location: 'Nhà văn hoá' }, 'scheduled'],
    ['mark a scheduled session held', 'scheduled', held({ attendance: [attending(INVITED)] }), 'held'],
    ['mark held and change the plan in the same request', 'scheduled', held({ location: 'Nhà văn hoá' }), 'held'],
    ['mark held at exactly now', 'scheduled', held({ heldAt: NOW }), 'held'],
    ['cancel with a reason', 'scheduled', { status: 'cancelled', cancelReason: 'Mưa bão' }, 'cancelled'],
    ['correct the minutes of a held session', 'held', { minutes: 'Sửa biên bản' }, 'held'],
    ['correct attendance of a held session', 'held', { status: 'held', attendance: [attending(INVITED)] }, 'held'],
    ['reschedule a held session', 'held', { location: 'Nhà văn hoá' }, 'DIALOGUE_SESSION_NOT_SCHEDULED'],
    ['move a held session back to scheduled', 'held', { status: 'scheduled' }, 'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED'],
    ['cancel a held session', 'held', { status: 'cancelled', cancelReason: 'x' }, 'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED'],
    ['move a cancelled session back to scheduled', 'cancelled', { status: 'scheduled' }, 'DIALOGUE_SESSION_CANCELLED'],
    ['edit a cancelled session', 'cancelled', { location: 'Nhà văn hoá' }, 'DIALOGUE_SESSION_CANCELLED'],
    ['mark held without heldAt', 'scheduled', held({ heldAt: undefined }), 'DIALOGUE_HELD_AT_REQUIRED'],
    ['mark held without minutes', 'scheduled', held({ minutes: undefined }), 'DIALOGUE_MINUTES_REQUIRED'],
    ['mark held in the future', 'scheduled', held({ heldAt: FUTURE }), 'DIALOGUE_HELD_AT_IN_FUTURE'],
    ['move heldAt of a held session into the future', 'held', { heldAt: FUTURE }, 'DIALOGUE_HELD_AT_IN_FUTURE'],
    [
      'record attendance of a stranger',
      'scheduled',
      held({ attendance: [attending(STRANGER)] }),
      'DIALOGUE_ATTENDEE_NOT_INVITED',
    ],
    ['record minutes without marking held', 'scheduled', { minutes: 'x' }, 'DIALOGUE_RECORD_NOT_APPLICABLE'],
    [
      'cancel with minutes',
      'scheduled',
      { status: 'cancelled', cancelReason: 'x', minutes: 'x' },
      'DIALOGUE_RECORD_NOT_APPLICABLE',
    ],
    ['cancel without a reason', 'scheduled', { status: 'cancelled' }, 'DIALOGUE_CANCEL_REASON_REQUIRED'],
    [
      'give a cancel reason without cancelling',
      'scheduled',
      { location: 'x', cancelReason: 'x' },
      'DIALOGUE_CANCEL_REASON_NOT_APPLICABLE',
    ],
  ];

  it.each(cases)('should decide: %s (from %s)', (_, from, request, expected) => {
    const decision = decideSessionChange({ status: from, invitedHouseholdIds: new Set([INVITED]) }, request, NOW);
    if (decision.allowed) {
      expect(decision.status).toBe(expected);
    } else {
      expect(decision.code).toBe(expected);
    }
  });

  it('should list the strangers it refuses', () => {
    const decision = decideSessionChange(
      { status: 'scheduled', invitedHouseholdIds: new Set([INVITED]) },
      held({ attendance: [attending(INVITED), attending(STRANGER)] }),
      NOW,
    );
    expect(decision).toMatchObject({ allowed: false, details: { householdIds: [STRANGER] } });
  });
});

describe('DIALOGUE_STATUS_MOVES', () => {
  it('should never lead back to scheduled', () => {
    for (const targets of Object.values(DIALOGUE_STATUS_MOVES)) expect(targets).not.toContain('scheduled');
  });

  it('should make held and cancelled final', () => {
    expect(DIALOGUE_STATUS_MOVES.held).toEqual([]);
    expect(DIALOGUE_STATUS_MOVES.cancelled).toEqual([]);
  });
});
