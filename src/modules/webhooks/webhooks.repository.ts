import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import type { DeliveryStatus, WebhookEvent } from './domain/webhook-events.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface DeliveryTarget {
  delivery: WebhookDelivery;
  url: string;
  secret: string;
  active: boolean;
}

export type NewDelivery = Pick<
  WebhookDelivery,
  'id' | 'subscriptionId' | 'event' | 'payload' | 'status' | 'nextAttemptAt' | 'createdAt'
>;

export interface AttemptRecord {
  status: DeliveryStatus;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/**
 * Delivery rows are written with listeners off: the delivery log is its own trail, and auditing
 * every retry of every event would drown the audit trail in bookkeeping.
 */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  insertSubscription(fields: Partial<WebhookSubscription>): Promise<WebhookSubscription> {
    return this.manager.save(WebhookSubscription, this.manager.create(WebhookSubscription, fields));
  }

  findSubscription(id: string): Promise<WebhookSubscription | null> {
    return this.manager.findOneBy(WebhookSubscription, { id });
  }

  findSubscriptionForUpdate(id: string): Promise<WebhookSubscription | null> {
    return this.manager.findOne(WebhookSubscription, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription> {
    return this.manager.save(WebhookSubscription, subscription);
  }

  listSubscriptions(page: PageQueryDto): Promise<[WebhookSubscription[], number]> {
    return this.manager.findAndCount(WebhookSubscription, {
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  async activeSubscriptionIdsFor(event: WebhookEvent): Promise<string[]> {
    const rows = await this.manager
      .createQueryBuilder(WebhookSubscription, 'subscription')
      .select('subscription.id', 'id')
      .where('subscription.active')
      .andWhere(':event = ANY(subscription.events)', { event })
      .orderBy('subscription.id')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Inserts deliveries under their given ids; an id already there is left alone. Returns the new ids. */
  async insertDeliveries(rows: NewDelivery[]): Promise<string[]> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      // jsonb payloads defeat TypeORM's deep-partial typing of values; the shape is NewDelivery.
      .values(rows as QueryDeepPartialEntity<WebhookDelivery>[])
      .orIgnore()
      .returning(['id'])
      .callListeners(false)
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  findDelivery(id: string): Promise<WebhookDelivery | null> {
    return this.manager.findOneBy(WebhookDelivery, { id });
  }

  listDeliveries(subscriptionId: string, page: PageQueryDto): Promise<[WebhookDelivery[], number]> {
    return this.manager.findAndCount(WebhookDelivery, {
      where: { subscriptionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  async findDeliveryTarget(id: string): Promise<DeliveryTarget | null> {
    const delivery = await this.findDelivery(id);
    if (!delivery) return null;
    const subscription = await this.manager
      .createQueryBuilder(WebhookSubscription, 'subscription')
      .addSelect('subscription.secret')
      .where('subscription.id = :id', { id: delivery.subscriptionId })
      .getOneOrFail();
    return { delivery, url: subscription.url, secret: subscription.secret, active: subscription.active };
  }

  /**
   * Records one attempt, only if nobody recorded one since `seenRoundAttempts` was read: a job
   * that runs twice (a stalled worker came back) counts its attempt once. Returns whether it won.
   */
  async recordAttempt(id: string, seenRoundAttempts: number, record: AttemptRecord): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({
        ...record,
        attempts: () => 'attempts + 1',
        roundAttempts: () => 'round_attempts + 1',
      })
      .where('id = :id AND status = :pending AND round_attempts = :seen', {
        id,
        pending: 'pending',
        seen: seenRoundAttempts,
      })
      .callListeners(false)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Gives up on a delivery without an attempt (its subscription was switched off meanwhile). */
  async abandonDelivery(id: string, reason: string): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ status: 'failed', lastError: reason, nextAttemptAt: null })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .callListeners(false)
      .execute();
  }

  /** Starts a new round of attempts; false when the delivery is still in its current round. */
  async reopenDelivery(id: string, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ status: 'pending', roundAttempts: 0, nextAttemptAt: now, deliveredAt: null })
      .where('id = :id AND status <> :pending', { id, pending: 'pending' })
      .callListeners(false)
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
