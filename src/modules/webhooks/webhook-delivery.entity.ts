import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryStatus, WebhookEvent } from './domain/webhook-events.js';

/** One event for one subscription, and what became of sending it: the delivery log. */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 64 })
  event: WebhookEvent;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  /** Every attempt ever made, resends included. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Attempts since the delivery was created or last re-sent: the retry budget is per round. */
  @Column({ name: 'round_attempts', type: 'integer', default: 0 })
  roundAttempts: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
