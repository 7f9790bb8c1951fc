import { Module } from '@nestjs/common';
import { WebhookDeliverer } from './webhook-deliverer.service.js';
import { WebhookPublisher } from './webhook-publisher.service.js';
import { WebhookTargetGuard } from './webhook-target-guard.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** Outgoing webhooks for API clients: subscriptions, signed deliveries with retries, the delivery log. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookDelivery, WebhookSubscription])],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDeliverer, WebhookPublisher, WebhookTargetGuard],
  exports: [WebhooksService],
})
export class WebhooksModule {}
