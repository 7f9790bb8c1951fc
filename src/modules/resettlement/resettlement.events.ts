import type { OfferStatus } from './domain/offer-status.js';
import type { UnitKind } from './domain/resettlement-unit.js';

/** An offer as its events carry it: plain JSON, the public shape of the offer webhooks. */
export interface OfferSnapshot {
  offerId: string;
  fundId: string;
  unitId: string;
  unitCode: string;
  unitKind: UnitKind;
  areaM2: number;
  householdId: string;
  householdCode: string;
  projectId: string;
  status: OfferStatus;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A fund's unit was offered to a household of its waiting list. */
    'resettlement.offer-created': OfferSnapshot;
    /** The household took the unit (and agreed). */
    'resettlement.offer-accepted': OfferSnapshot;
  }
}
