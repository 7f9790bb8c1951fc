import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import type { Actor } from '../../common/request-context.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { deliveryIdFor, newSigningSecret, type WebhookEvent } from './domain/webhook-events.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import type { UpdateWebhookDto } from './dto/update-webhook.dto.js';
import type { WebhookDelivery } from './webhook-delivery.entity.js';
import type { WebhookSubscription } from './webhook-subscription.entity.js';
import { WebhookTargetGuard } from './webhook-target-guard.service.js';
import { DeliveryInProgressError } from './webhooks.errors.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** Subscriptions, and the one entry point other modules use to announce an event. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly webhooks: WebhooksRepository,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly targets: WebhookTargetGuard,
  ) {}

  /**
   * Announces an occurrence to every active subscription for its event, in the ambient transaction:
   * one delivery row each, and its job in the outbox. The delivery ids derive from `occurrenceId`,
   * so announcing the same occurrence again adds nothing. `payload` must be plain JSON.
   */
  async emit(event: WebhookEvent, occurrenceId: string, payload: Record<string, unknown>): Promise<void> {
    const subscriptionIds = await this.webhooks.activeSubscriptionIdsFor(event);
    if (subscriptionIds.length === 0) return;
    const now = this.clock.now();
    const deliveryIds = await this.webhooks.insertDeliveries(
      subscriptionIds.map((subscriptionId) => ({
        id: deliveryIdFor(occurrenceId, subscriptionId),
        subscriptionId,
        event,
        payload,
        status: 'pending' as const,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    for (const deliveryId of deliveryIds) {
      await this.jobs.enqueue('webhooks.deliver', { deliveryId }, { key: deliveryId });
    }
  }

  /** The secret is in the result this once; it is never returned again. */
  async create(input: CreateWebhookDto, actor: Actor): Promise<WebhookSubscription & { secret: string }> {
    await this.targets.assertAllowed(input.url);
    const secret = newSigningSecret();
    const saved = await this.tx.run(() =>
      this.webhooks.insertSubscription({
        url: input.url,
        events: [...new Set(input.events)],
        secret,
        active: input.active ?? true,
        description: input.description ?? null,
        createdBy: actor.type === 'user' ? actor.id : null,
      }),
    );
    return { ...saved, secret };
  }

  list(page: PageQueryDto): Promise<[WebhookSubscription[], number]> {
    return this.webhooks.listSubscriptions(page);
  }

  async get(id: string): Promise<WebhookSubscription> {
    const found = await this.webhooks.findSubscription(id);
    if (!found) throw new NotFoundError('WebhookSubscription', id);
    return found;
  }

  async update(id: string, input: UpdateWebhookDto, expected: number | undefined): Promise<WebhookSubscription> {
    // Resolving a name can take a while: before any row is locked.
    if (input.url !== undefined) await this.targets.assertAllowed(input.url);
    return this.tx.run(async () => {
      const subscription = await this.webhooks.findSubscriptionForUpdate(id);
      if (!subscription) throw new NotFoundError('WebhookSubscription', id);
      assertVersion('WebhookSubscription', subscription, expected);
      if (input.url !== undefined) subscription.url = input.url;
      if (input.events !== undefined) subscription.events = [...new Set(input.events)];
      if (input.active !== undefined) subscription.active = input.active;
      if (input.description !== undefined) subscription.description = input.description;
      subscription.version += 1;
      return this.webhooks.saveSubscription(subscription);
    });
  }

  async deliveries(subscriptionId: string, page: PageQueryDto): Promise<[WebhookDelivery[], number]> {
    await this.get(subscriptionId);
    return this.webhooks.listDeliveries(subscriptionId, page);
  }

  /**
   * Sends a delivered or failed delivery again, with a fresh retry budget. A delivery still being
   * attempted is refused: two jobs racing on one delivery would post it twice.
   */
  async resend(deliveryId: string): Promise<WebhookDelivery> {
    return this.tx.run(async () => {
      const delivery = await this.webhooks.findDelivery(deliveryId);
      if (!delivery) throw new NotFoundError('WebhookDelivery', deliveryId);
      if (!(await this.webhooks.reopenDelivery(deliveryId, this.clock.now()))) {
        throw new DeliveryInProgressError(deliveryId);
      }
      await this.jobs.enqueue('webhooks.deliver', { deliveryId }, { key: `${deliveryId}-resend-${randomUUID()}` });
      const reopened = await this.webhooks.findDelivery(deliveryId);
      return reopened as WebhookDelivery;
    });
  }
}
