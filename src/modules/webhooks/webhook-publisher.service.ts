import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Which domain events API clients hear, and under which public name and payload (the contract of
 * WEBHOOK_EVENTS). Each runs as its own job after the change committed.
 */
@Injectable()
export class WebhookPublisher {
  constructor(private readonly webhooks: WebhooksService) {}

  @OnDomainEvent('household.consent-changed', { id: 'webhooks.household-status-changed', queue: 'webhooks' })
  async householdStatusChanged({ id, payload }: DomainEvent<'household.consent-changed'>): Promise<void> {
    await this.webhooks.emit('household.status_changed', id, {
      householdId: payload.householdId,
      householdCode: payload.householdCode,
      projectId: payload.projectId,
      from: payload.from,
      to: payload.to,
      reason: payload.reason,
      changedAt: payload.changedAt,
    });
  }

  @OnDomainEvent('reminders.fired', { id: 'webhooks.reminder-due', queue: 'webhooks' })
  async remindersFired({ payload }: DomainEvent<'reminders.fired'>): Promise<void> {
    // A reminder fires once: its id names the occurrence.
    for (const reminder of payload.reminders) {
      await this.webhooks.emit('reminder.due', reminder.reminderId, { ...reminder });
    }
  }

  @OnDomainEvent('complaint.overdue', { id: 'webhooks.complaint-overdue', queue: 'webhooks' })
  async complaintOverdue({ id, payload }: DomainEvent<'complaint.overdue'>): Promise<void> {
    await this.webhooks.emit('complaint.overdue', id, { ...payload });
  }

  @OnDomainEvent('resettlement.offer-created', { id: 'webhooks.offer-created', queue: 'webhooks' })
  async offerCreated({ id, payload }: DomainEvent<'resettlement.offer-created'>): Promise<void> {
    await this.webhooks.emit('resettlement.offer_created', id, { ...payload });
  }

  @OnDomainEvent('resettlement.offer-accepted', { id: 'webhooks.offer-accepted', queue: 'webhooks' })
  async offerAccepted({ id, payload }: DomainEvent<'resettlement.offer-accepted'>): Promise<void> {
    await this.webhooks.emit('resettlement.offer_accepted', id, { ...payload });
  }
}
