import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { DELIVERY_STATUSES, type DeliveryStatus, WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events.js';
import type { WebhookDelivery } from '../webhook-delivery.entity.js';
import type { WebhookSubscription } from '../webhook-subscription.entity.js';

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(subscription: WebhookSubscription): WebhookResponse {
    return {
      id: subscription.id,
      url: subscription.url,
      events: subscription.events,
      active: subscription.active,
      description: subscription.description,
      createdBy: subscription.createdBy,
      version: subscription.version,
      createdAt: subscription.createdAt,
      updatedAt: subscription.updatedAt,
    };
  }
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_3q2-…',
    description:
      'Signing secret, shown this once: every delivery carries X-GPMB-Signature: sha256=<hex HMAC-SHA256 of the raw body with this secret>',
  })
  secret: string;

  static withSecret(subscription: WebhookSubscription & { secret: string }): CreatedWebhookResponse {
    return { ...WebhookResponse.from(subscription), secret: subscription.secret };
  }
}

export class WebhookPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [WebhookResponse] }) items: WebhookResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'Also sent as X-GPMB-Delivery: receivers dedupe on it' }) id: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: WebhookEvent;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Sent as `data` in the body' })
  payload: Record<string, unknown>;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ type: 'integer', description: 'Attempts made, re-sends included' }) attempts: number;
  @ApiProperty({ nullable: true, type: 'integer' }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the next retry is due, while pending' })
  nextAttemptAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) deliveredAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(delivery: WebhookDelivery): WebhookDeliveryResponse {
    return {
      id: delivery.id,
      subscriptionId: delivery.subscriptionId,
      event: delivery.event,
      payload: delivery.payload,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.nextAttemptAt,
      deliveredAt: delivery.deliveredAt,
      createdAt: delivery.createdAt,
    };
  }
}

export class WebhookDeliveryPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items: WebhookDeliveryResponse[];
}
