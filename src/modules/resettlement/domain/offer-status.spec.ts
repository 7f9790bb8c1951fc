import { decideOfferMove, OFFER_STATUSES, OFFER_TRANSITIONS, type OfferStatus, offerExpiry } from './offer-status.js';

const OFFERED_AT = new Date('2026-03-10T02:00:00Z');
const EXPIRES_AT = offerExpiry(OFFERED_AT, 15);
const BEFORE = new Date('2026-03-20T02:00:00Z');
const AT_EXPIRY = EXPIRES_AT;
const AFTER = new Date('2026-03-26T02:00:00Z');

describe('offer state machine', () => {
  it('should make every status but pending final', () => {
    for (const status of OFFER_STATUSES.filter((s) => s !== 'pending')) expect(OFFER_TRANSITIONS[status]).toEqual([]);
  });

  it('should let a pending offer reach every final status', () => {
    expect([...OFFER_TRANSITIONS.pending].sort()).toEqual(OFFER_STATUSES.filter((s) => s !== 'pending').sort());
  });
});

describe(offerExpiry.name, () => {
  it.each([
    [15, '2026-03-25T02:00:00.000Z'],
    [1, '2026-03-11T02:00:00.000Z'],
    [30, '2026-04-09T02:00:00.000Z'],
  ])('should expire an offer made on 10 March %i days later', (days, expected) => {
    expect(offerExpiry(OFFERED_AT, days).toISOString()).toBe(expected);
  });
});

describe(decideOfferMove.name, () => {
  const cases: Array<[OfferStatus, OfferStatus, Date, { allowed: true } | { allowed: false; code: string }]> = [
    ['pending', 'accepted', BEFORE, { allowed: true }],
    ['pending', 'declined', BEFORE, { allowed: true }],
    ['pending', 'withdrawn', BEFORE, { allowed: true }],
    ['pending', 'accepted', AT_EXPIRY, { allowed: false, code: 'OFFER_EXPIRED' }],
    ['pending', 'accepted', AFTER, { allowed: false, code: 'OFFER_EXPIRED' }],
    ['pending', 'declined', AFTER, { allowed: false, code: 'OFFER_EXPIRED' }],
    ['pending', 'expired', BEFORE, { allowed: false, code: 'OFFER_NOT_YET_EXPIRED' }],
    ['pending', 'expired', AT_EXPIRY, { allowed: true }],
    ['pending', 'expired', AFTER, { allowed: true }],
    ['pending', 'withdrawn', AFTER, { allowed: true }],
    ['accepted', 'declined', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['accepted', 'accepted', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['declined', 'accepted', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['expired', 'accepted', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['expired', 'expired', AFTER, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['withdrawn', 'accepted', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
    ['pending', 'pending', BEFORE, { allowed: false, code: 'OFFER_NOT_PENDING' }],
  ];

  it.each(cases)('should decide %s → %s at %s', (status, to, now, expected) => {
    expect(decideOfferMove({ status, expiresAt: EXPIRES_AT }, to, now)).toMatchObject(expected);
  });
});
