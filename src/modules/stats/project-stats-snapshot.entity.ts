import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber } from '../../database/column-transformers.js';
import type { PerStatus } from './domain/consent-rates.js';

/** One project's consent figures as they stood on one civil day: a point of the consent timeline. */
@Entity('project_stats_snapshots')
export class ProjectStatsSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'taken_on', type: 'date' })
  takenOn: string;

  @Column({ name: 'households_total', type: 'integer' })
  householdsTotal: number;

  @Column({ name: 'households_consented', type: 'integer' })
  householdsConsented: number;

  @Column({ name: 'households_conditional', type: 'integer' })
  householdsConditional: number;

  @Column({ name: 'households_handed_over', type: 'integer' })
  householdsHandedOver: number;

  @Column({ name: 'consent_rate', type: 'numeric', precision: 5, scale: 4, transformer: numericToNumber })
  consentRate: number;

  @Column({ name: 'handed_over_rate', type: 'numeric', precision: 5, scale: 4, transformer: numericToNumber })
  handedOverRate: number;

  @Column({ name: 'area_total_m2', type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  areaTotalM2: number;

  @Column({ name: 'area_consented_m2', type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  areaConsentedM2: number;

  @Column({ name: 'area_handed_over_m2', type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  areaHandedOverM2: number;

  @Column({ name: 'area_consent_rate', type: 'numeric', precision: 5, scale: 4, transformer: numericToNumber })
  areaConsentRate: number;

  /** Households per consent status. */
  @Column({ name: 'by_status', type: 'jsonb' })
  byStatus: PerStatus;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
