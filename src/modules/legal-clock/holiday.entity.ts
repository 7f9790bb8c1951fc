import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HOLIDAY_KINDS = ['public', 'tet', 'compensatory'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** A day off for state agencies. Calendar data: may be deleted (the audit trail keeps the record). */
@Entity('holidays')
export class Holiday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: HolidayKind;

  /** The first day of the lunar year (Mùng 1 Tết): the Tết enforcement blackout counts from it. */
  @Column({ name: 'tet_day_one', type: 'boolean', default: false })
  tetDayOne: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
