import { Injectable, Logger } from '@nestjs/common';
import { fetch } from 'undici';
import { Clock } from '../../common/clock/clock.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { DEFAULT_JOB_OPTIONS, JOB_OPTIONS } from '../../jobs/job-options.js';
import { deliveryBody, outcomeOfAttempt, signatureOf } from './domain/webhook-events.js';
import { WebhookTargetGuard } from './webhook-target-guard.service.js';
import { WebhookAttemptFailedError } from './webhooks.errors.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A receiver gets this long to answer; a slow one is a failed attempt, retried later. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

function retryPolicy(): { attempts: number; backoffMs: number } {
  const options = { ...DEFAULT_JOB_OPTIONS, ...JOB_OPTIONS['webhooks.deliver'] };
  const backoff = options.backoff;
  const backoffMs = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 0);
  return { attempts: options.attempts ?? 1, backoffMs };
}

/** Posts one delivery to its subscriber; BullMQ retries it (with backoff) while this throws. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly clock: Clock,
    private readonly targets: WebhookTargetGuard,
  ) {}

  @HandlesJob('webhooks.deliver')
  async deliver({ deliveryId }: JobPayloads['webhooks.deliver']): Promise<void> {
    const target = await this.webhooks.findDeliveryTarget(deliveryId);
    // Delivered, given up on, or gone: a re-run of the job has nothing left to do.
    if (!target || target.delivery.status !== 'pending') return;
    const { delivery } = target;
    if (!target.active) {
      await this.webhooks.abandonDelivery(deliveryId, 'The subscription was deactivated');
      return;
    }

    const body = deliveryBody(delivery);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'GPMB-CRM-Webhooks/1',
          'x-gpmb-event': delivery.event,
          'x-gpmb-delivery': delivery.id,
          'x-gpmb-signature': signatureOf(body, target.secret),
          'x-gpmb-timestamp': String(Math.floor(this.clock.now().getTime() / 1000)),
        },
        body,
        // A redirect is the receiver's misconfiguration; following it would post the body elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        // Refuses to connect to an internal address, whatever the name resolves to by now.
        dispatcher: this.targets.dispatcher,
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `The receiver answered HTTP ${response.status}`;
    } catch (failure) {
      error = ((failure as Error).cause as Error | undefined)?.message ?? (failure as Error).message;
    }

    const now = this.clock.now();
    const outcome = outcomeOfAttempt(error === null, delivery.roundAttempts + 1, retryPolicy());
    const recorded = await this.webhooks.recordAttempt(deliveryId, delivery.roundAttempts, {
      status: outcome.status,
      lastStatusCode: statusCode,
      lastError: error?.slice(0, MAX_ERROR_LENGTH) ?? null,
      nextAttemptAt: outcome.status === 'pending' ? new Date(now.getTime() + outcome.nextAttemptInMs) : null,
      deliveredAt: outcome.status === 'delivered' ? now : null,
    });
    if (!recorded) {
      this.logger.warn(`Delivery ${deliveryId} was attempted twice at once; the other attempt was recorded`);
      return;
    }
    if (error !== null) throw new WebhookAttemptFailedError(deliveryId, error);
  }
}
