import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DayKind } from './domain/deadline.js';

/** A legal deadline as data: what triggers it, how many days, what must happen, and the article. */
@Entity('deadline_rules')
export class DeadlineRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  trigger: string;

  @Column({ name: 'offset_days', type: 'integer' })
  offsetDays: number;

  @Column({ name: 'day_kind', type: 'varchar', length: 16, default: 'calendar' })
  dayKind: DayKind;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 300 })
  legalBasis: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
