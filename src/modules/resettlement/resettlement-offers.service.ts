import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import { type RecordLocation, type Scope, visibleProjectIds } from '../access/scope.js';
import type { ConsentTransitionDto } from '../households/dto/consent-transition.dto.js';
import { HouseholdsService } from '../households/households.service.js';
import { pairUnitsWithWaitingList } from './domain/offer-pairing.js';
import { decideOfferMove, offerExpiry, type OfferStatus } from './domain/offer-status.js';
import type { AcceptOfferDto, DeclineOfferDto } from './dto/answer-offer.dto.js';
import type { ListOffersQuery } from './dto/list-offers.query.js';
import { OfferRefusedError } from './resettlement.errors.js';
import { FundsRepository } from './funds.repository.js';
import { OffersRepository, type OfferView } from './offers.repository.js';
import { UnitsRepository } from './units.repository.js';
import { ResettlementNotices } from './resettlement-notices.service.js';
import type { ResettlementOffer } from './resettlement-offer.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** Offers closed per transaction by one expiry round. */
const CLOSE_BATCH = 100;

const KIND_LABEL = { apartment: 'căn hộ', land_plot: 'lô đất' } as const;

/**
 * Offers: the rounds that hand available units to the waiting list, the household's answer, and
 * expiry. Every change to an offer, its unit and (on acceptance) the household commits together.
 */
@Injectable()
export class ResettlementOffersService {
  private readonly logger = new Logger(ResettlementOffersService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly funds: FundsRepository,
    private readonly units: UnitsRepository,
    private readonly offers: OffersRepository,
    private readonly households: HouseholdsService,
    private readonly notices: ResettlementNotices,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListOffersQuery, scope: Scope): Promise<[OfferView[], number]> {
    return this.offers.listOffers(
      { householdId: query.householdId, fundId: query.fundId, status: query.status },
      visibleProjectIds(scope),
      query,
    );
  }

  async get(id: string): Promise<OfferView> {
    const [view] = await this.offers.offerViews([id]);
    if (!view) throw new NotFoundError('ResettlementOffer', id);
    return view;
  }

  /** Where an offer lies (its household's project), for `@InScope('resettlementOffer')`. */
  @ResolvesScope('resettlementOffer')
  async locate(id: string): Promise<RecordLocation | null> {
    const [view] = await this.offers.offerViews([id]);
    return view ? { projectIds: [view.projectId] } : null;
  }

  /**
   * Offers the fund's available units to the waiting list. Idempotent: a unit once offered is no
   * longer available and a household with a pending offer is no longer a candidate, so running the
   * round again offers nothing twice; the partial unique indexes stop any race that slips through.
   */
  @HandlesJob('resettlement.offer-units')
  async offerUnits({ fundId }: JobPayloads['resettlement.offer-units']): Promise<{ offered: number }> {
    const offers = await this.tx.run(() => this.offerRound(fundId));
    if (offers.length) this.logger.log(`Fund ${fundId}: ${offers.length} unit(s) offered`);
    return { offered: offers.length };
  }

  /**
   * Closes the pending offers whose time ran out, and withdraws those whose household has left the
   * waiting list (it no longer waits for housing, so the unit should not wait for it); their units
   * return to the fund, and each fund concerned gets an offer round, where they go to the next
   * household.
   */
  @HandlesJob('resettlement.expire-offers')
  async expireOffers(): Promise<{ expired: number; withdrawn: number }> {
    const expired = await this.closeInBatches('expired', 'Đề nghị bố trí tái định cư đã hết hạn', (now) =>
      this.offers.lockExpiredOffers(now, CLOSE_BATCH),
    );
    const withdrawn = await this.closeInBatches(
      'withdrawn',
      'Hộ không còn chờ nhà tái định cư: rút đề nghị bố trí',
      (_now) => this.offers.lockOrphanedOffers(CLOSE_BATCH),
    );
    if (expired || withdrawn) this.logger.log(`Offers closed: ${expired} expired, ${withdrawn} withdrawn`);
    return { expired, withdrawn };
  }

  /**
   * The household takes the unit: the offer is accepted, the unit allocated, and the household moves
   * from conditional to agreed with a recorded transition, in one transaction.
   */
  async accept(id: string, input: AcceptOfferDto, expected: number | undefined, actor: Actor): Promise<OfferView> {
    return this.tx.run(async () => {
      const now = this.clock.now();
      const offer = await this.lockOffer(id, expected);
      const fundId = await this.close(offer, 'accepted', now, { note: input.note ?? null, responded: true });
      const [view] = await this.offers.offerViews([id]);
      const fund = await this.funds.findFund(fundId);
      const reason =
        `Hộ nhận ${KIND_LABEL[view.unitKind]} tái định cư ${view.unitCode} (${view.areaM2.toLocaleString('vi-VN')} m²) ` +
        `thuộc ${fund?.name ?? 'quỹ nhà tái định cư'}: điều kiện bố trí tái định cư đã được đáp ứng`;
      const transition: ConsentTransitionDto = {
        status: 'agreed',
        from: 'conditional',
        reason,
        evidence: [{ kind: 'resettlement_offer', reference: id, ...(input.note ? { note: input.note } : {}) }],
      };
      await this.households.transition(offer.householdId, transition, actor, undefined);
      await this.notices.offerAccepted(view);
      return view;
    });
  }

  /** The household refuses the unit: it goes back to the fund and on to the next household. */
  async decline(id: string, input: DeclineOfferDto, expected: number | undefined): Promise<OfferView> {
    return this.tx.run(async () => {
      const offer = await this.lockOffer(id, expected);
      const fundId = await this.close(offer, 'declined', this.clock.now(), { note: input.reason, responded: true });
      await this.notices.offerClosed(id, 'Hộ từ chối đề nghị bố trí tái định cư');
      await this.jobs.enqueue('resettlement.offer-units', { fundId }, { key: `${fundId}.declined.${id}` });
      const [view] = await this.offers.offerViews([id]);
      return view;
    });
  }

  private async closeInBatches(
    to: 'expired' | 'withdrawn',
    reason: string,
    lock: (now: Date) => Promise<ResettlementOffer[]>,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const closed = await this.tx.run(async () => {
        const now = this.clock.now();
        const offers = await lock(now);
        const rounds = new Map<string, string>();
        for (const offer of offers) {
          const fundId = await this.close(offer, to, now, { note: offer.note });
          await this.notices.offerClosed(offer.id, reason);
          if (!rounds.has(fundId)) rounds.set(fundId, offer.id);
        }
        for (const [fundId, offerId] of rounds) {
          await this.jobs.enqueue('resettlement.offer-units', { fundId }, { key: `${fundId}.${to}.${offerId}` });
        }
        return offers.length;
      });
      total += closed;
      if (closed < CLOSE_BATCH) return total;
    }
  }

  private async offerRound(fundId: string): Promise<ResettlementOffer[]> {
    const fund = await this.funds.findFundForUpdate(fundId);
    if (!fund) return [];
    const units = await this.units.lockAvailableUnits(fundId);
    if (units.length === 0) return [];
    const candidates = await this.offers.offerCandidates(fundId);
    const pairings = pairUnitsWithWaitingList(
      units.map((unit) => ({ unitId: unit.id, code: unit.code, kind: unit.kind, areaM2: unit.areaM2 })),
      candidates,
    );
    if (pairings.length === 0) return [];

    const now = this.clock.now();
    const expiresAt = offerExpiry(now, fund.offerExpiryDays);
    const offers = await this.offers.insertOffers(
      pairings.map(({ unit, household }) => ({
        unitId: unit.unitId,
        householdId: household.householdId,
        offeredAt: now,
        expiresAt,
        status: 'pending' as const,
      })),
    );
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const { unit } of pairings) {
      const row = byId.get(unit.unitId);
      if (!row) continue;
      row.status = 'offered';
      row.version += 1;
      await this.units.saveUnit(row);
    }
    for (const view of await this.offers.offerViews(offers.map((offer) => offer.id))) {
      await this.notices.offerCreated(view, fund, now);
    }
    return offers;
  }

  /** Locks an offer for its household's answer, in the product's lock order: the household, then the offer. */
  private async lockOffer(id: string, expected: number | undefined): Promise<ResettlementOffer> {
    const { offer: found } = await this.get(id);
    await this.households.lock(found.householdId);
    const offer = await this.offers.findOfferForUpdate(id);
    if (!offer) throw new NotFoundError('ResettlementOffer', id);
    assertVersion('ResettlementOffer', offer, expected);
    return offer;
  }

  /**
   * Moves a locked pending offer to a final status and its unit accordingly (allocated when
   * accepted, back to available otherwise). Returns the fund of the unit.
   */
  private async close(
    offer: ResettlementOffer,
    to: Exclude<OfferStatus, 'pending'>,
    now: Date,
    answer: { note: string | null; responded?: boolean },
  ): Promise<string> {
    const decision = decideOfferMove(offer, to, now);
    if (!decision.allowed) throw new OfferRefusedError(decision.code, decision.message, decision.details);
    Object.assign(offer, {
      status: decision.status,
      closedAt: now,
      respondedAt: answer.responded ? now : null,
      note: answer.note,
    });
    offer.version += 1;
    await this.offers.saveOffer(offer);

    const unit = await this.units.findUnitForUpdate(offer.unitId);
    if (!unit) throw new NotFoundError('ResettlementUnit', offer.unitId);
    unit.status = to === 'accepted' ? 'allocated' : 'available';
    unit.version += 1;
    await this.units.saveUnit(unit);
    return unit.fundId;
  }
}
