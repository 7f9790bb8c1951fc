import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { DAY_MS, toLocalDate, viDate } from '../../common/time/civil-date.js';
import { EventBus } from '../../events/event-bus.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import type { OfferSnapshot } from './resettlement.events.js';
import type { OfferView } from './offers.repository.js';
import type { ResettlementFund } from './resettlement-fund.entity.js';

export const OFFER_REMINDER_KINDS = {
  visit: 'resettlement.offer-visit',
  expiry: 'resettlement.offer-expiry',
} as const;

/** How long before an offer runs out its expiry reminder falls due. */
export const EXPIRY_NOTICE_MS = 2 * DAY_MS;

const offerKeys = {
  visit: (offerId: string) => `resettlement-offer:${offerId}:visit`,
  expiry: (offerId: string) => `resettlement-offer:${offerId}:expiry`,
  of: (offerId: string) => `resettlement-offer:${offerId}:`,
};

const KIND_LABEL = { apartment: 'căn hộ', land_plot: 'lô đất' } as const;

/**
 * What the rest of the product hears about offers: reminders for the working group and domain
 * events (webhooks for API clients), always in the offer's transaction, so a rolled-back offer
 * announces nothing.
 */
@Injectable()
export class ResettlementNotices {
  constructor(
    private readonly reminders: RemindersService,
    private readonly projects: ProjectsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async offerCreated(view: OfferView, fund: ResettlementFund, now: Date): Promise<void> {
    const { offer } = view;
    const unit = `${KIND_LABEL[view.unitKind]} ${view.unitCode}`;
    const common = {
      subjectType: 'resettlement_offer',
      subjectId: offer.id,
      projectId: view.projectId,
      householdId: offer.householdId,
      administrativeUnitId: await this.projects.primaryUnitOf(view.projectId),
      assigneeRole: 'officer' as const,
      details: { fundId: fund.id, fundName: fund.name, unitId: offer.unitId, unitCode: view.unitCode },
    };
    await this.reminders.schedule(
      {
        ...common,
        kind: OFFER_REMINDER_KINDS.visit,
        title: `Đến hộ ${view.householdCode} (${view.headName}) thông báo ${unit} thuộc ${fund.name}`,
        dueAt: now,
        dedupeKey: offerKeys.visit(offer.id),
      },
      {
        ...common,
        kind: OFFER_REMINDER_KINDS.expiry,
        title: `Đề nghị bố trí ${unit} cho hộ ${view.householdCode} hết hạn ngày ${viDate(toLocalDate(offer.expiresAt, this.clock.timeZone))}`,
        dueAt: new Date(Math.max(now.getTime(), offer.expiresAt.getTime() - EXPIRY_NOTICE_MS)),
        dedupeKey: offerKeys.expiry(offer.id),
      },
    );
    await this.events.publish('resettlement.offer-created', snapshotOf(view));
  }

  async offerAccepted(view: OfferView): Promise<void> {
    await this.offerClosed(view.offer.id, 'Hộ đã nhận nhà tái định cư');
    await this.events.publish('resettlement.offer-accepted', snapshotOf(view));
  }

  /** The offer no longer waits for an answer: its visit and expiry reminders are moot. */
  async offerClosed(offerId: string, reason: string): Promise<void> {
    await this.reminders.cancel({ prefix: offerKeys.of(offerId) }, reason);
  }
}

function snapshotOf(view: OfferView): OfferSnapshot {
  return {
    offerId: view.offer.id,
    fundId: view.fundId,
    unitId: view.offer.unitId,
    unitCode: view.unitCode,
    unitKind: view.unitKind,
    areaM2: view.areaM2,
    householdId: view.offer.householdId,
    householdCode: view.householdCode,
    projectId: view.projectId,
    status: view.offer.status,
    offeredAt: view.offer.offeredAt.toISOString(),
    expiresAt: view.offer.expiresAt.toISOString(),
    respondedAt: view.offer.respondedAt?.toISOString() ?? null,
  };
}
