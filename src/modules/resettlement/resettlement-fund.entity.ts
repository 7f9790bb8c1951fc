import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A resettlement housing fund (quỹ nhà tái định cư): a building or site serving one or more projects. */
@Entity('resettlement_funds')
export class ResettlementFund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Where the housing is: a building or a plot subdivision, with its address. */
  @Column({ type: 'varchar', length: 500 })
  site: string;

  @Column({ name: 'administrative_unit_id', type: 'uuid' })
  administrativeUnitId: string;

  @Column({ name: 'offer_expiry_days', type: 'integer', default: 15 })
  offerExpiryDays: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
