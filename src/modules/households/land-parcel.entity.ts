import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber } from '../../database/column-transformers.js';

/** A parcel (thửa đất) on a cadastral map sheet (tờ bản đồ) held by a household. */
@Entity('land_parcels')
export class LandParcel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'map_sheet', type: 'varchar', length: 20 })
  mapSheet: string;

  @Column({ name: 'parcel_number', type: 'varchar', length: 20 })
  parcelNumber: string;

  @Column({ name: 'area_m2', type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  areaM2: number;

  @Column({ name: 'land_use', type: 'varchar', length: 50, nullable: true })
  landUse: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
