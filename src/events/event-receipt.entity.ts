import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A subscriber has handled an event; written in the transaction of the handler's effect. */
@Entity('event_receipts')
export class EventReceipt {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  handler: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'handled_at', type: 'timestamptz' })
  handledAt: Date;
}
