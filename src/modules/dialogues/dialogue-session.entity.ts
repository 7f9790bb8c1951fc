import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DIALOGUE_KINDS = ['formal', 'informal'] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

export const DIALOGUE_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

@Entity('dialogue_sessions')
export class DialogueSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt: Date;

  @Column({ type: 'varchar', length: 300 })
  location: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DialogueKind;

  @Column({ type: 'varchar', length: 200 })
  chair: string;

  @Column({ type: 'text', nullable: true })
  agenda: string | null;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: DialogueStatus;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
