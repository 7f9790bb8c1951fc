import { DomainError } from '../../common/errors/domain-error.js';

export class DeliveryInProgressError extends DomainError {
  constructor(deliveryId: string) {
    super(
      'conflict',
      'WEBHOOK_DELIVERY_IN_PROGRESS',
      `Webhook delivery ${deliveryId} is still being attempted; re-send it once it has been delivered or has failed`,
      { deliveryId },
    );
  }
}

/** Thrown by the delivery job so BullMQ retries it with backoff; never reaches an HTTP client. */
export class WebhookAttemptFailedError extends Error {
  constructor(deliveryId: string, reason: string) {
    super(`Webhook delivery ${deliveryId} failed: ${reason}`);
    this.name = 'WebhookAttemptFailedError';
  }
}
