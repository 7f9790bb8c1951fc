import { Transitions } from '../../../common/state-machine/transitions.js';
import { DAY_MS } from '../../../common/time/civil-date.js';

/** The life of an offer of one unit to one household. Every status but pending is final. */
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  pending: ['accepted', 'declined', 'expired', 'withdrawn'],
  accepted: [],
  declined: [],
  expired: [],
  withdrawn: [],
};

export const OFFER_LIFE = Transitions.define<OfferStatus>('pending', OFFER_TRANSITIONS);

/** Default days a household has to answer an offer before the unit goes to the next household. */
export const DEFAULT_OFFER_EXPIRY_DAYS = 15;

export interface OfferFacts {
  status: OfferStatus;
  expiresAt: Date;
}

export type OfferRefusalCode = 'OFFER_NOT_PENDING' | 'OFFER_EXPIRED' | 'OFFER_NOT_YET_EXPIRED';

export type OfferDecision =
  | { allowed: true; status: OfferStatus }
  | { allowed: false; code: OfferRefusalCode; message: string; details: Record<string, unknown> };

/**
 * Whether an offer may move to `to` at `now`. A household answers (accepts or declines) only while
 * the offer runs; from its expiry instant on, only the expiry job closes it, so a late acceptance
 * never takes a unit the fund has already promised to the next household.
 */
export function decideOfferMove(offer: OfferFacts, to: OfferStatus, now: Date): OfferDecision {
  if (!OFFER_LIFE.can(offer.status, to)) {
    return {
      allowed: false,
      code: 'OFFER_NOT_PENDING',
      message: `The offer is ${offer.status}; it cannot become ${to}`,
      details: { status: offer.status, to },
    };
  }
  const expired = now.getTime() >= offer.expiresAt.getTime();
  switch (to) {
    case 'accepted':
    case 'declined':
      if (expired) {
        return {
          allowed: false,
          code: 'OFFER_EXPIRED',
          message: `The offer expired at ${offer.expiresAt.toISOString()}`,
          details: { expiresAt: offer.expiresAt.toISOString() },
        };
      }
      return { allowed: true, status: to };
    case 'expired':
      if (!expired) {
        return {
          allowed: false,
          code: 'OFFER_NOT_YET_EXPIRED',
          message: `The offer runs until ${offer.expiresAt.toISOString()}`,
          details: { expiresAt: offer.expiresAt.toISOString() },
        };
      }
      return { allowed: true, status: to };
    case 'pending':
    case 'withdrawn':
      return { allowed: true, status: to };
  }
}

/** When an offer made at `offeredAt` stops running. */
export function offerExpiry(offeredAt: Date, expiryDays: number): Date {
  return new Date(offeredAt.getTime() + expiryDays * DAY_MS);
}
