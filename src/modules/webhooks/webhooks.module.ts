import { Module } from '@nestjs/common';
import { WebhookDeliverer } from './webhook-deliverer.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/** Outgoing webhooks for API clients: subscriptions, signed deliveries with retries, the delivery log. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDeliverer],
  exports: [WebhooksService],
})
export class WebhooksModule {}
