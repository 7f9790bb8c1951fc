import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericToNumber } from '../../database/column-transformers.js';
import type { UnitKind, UnitStatus } from './domain/resettlement-unit.js';

/** One apartment or land plot of a fund. */
@Entity('resettlement_units')
export class ResettlementUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'fund_id', type: 'uuid' })
  fundId: string;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  kind: UnitKind;

  @Column({ name: 'area_m2', type: 'numeric', precision: 10, scale: 2, transformer: numericToNumber })
  areaM2: number;

  @Column({ type: 'varchar', length: 16, default: 'available' })
  status: UnitStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
