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

/** A subscription URL whose host is, or resolves to, an address a webhook may not post to. */
export class WebhookTargetNotAllowedError extends DomainError {
  constructor(reason: string) {
    const message = `url must point at a public address: ${reason}`;
    super('invalid_input', 'VALIDATION_FAILED', message, { fields: { url: [message] } });
  }
}

/**
 * A delivery refused to connect: the host is, or now resolves to, an address a webhook may not
 * post to (a DNS answer can change after the URL was checked). Its message goes to the delivery log.
 */
export class WebhookTargetRefusedError extends Error {
  constructor(reason: string) {
    super(`Refused to connect: ${reason}, and webhooks may only post to public addresses`);
    this.name = 'WebhookTargetRefusedError';
  }
}
