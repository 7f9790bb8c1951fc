import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A progress report on a commitment. Append-only. */
@Entity('commitment_updates')
export class CommitmentUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq: string;

  @Column({ name: 'commitment_id', type: 'uuid' })
  commitmentId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'progress_percent', type: 'smallint', nullable: true })
  progressPercent: number | null;

  /** Evidence files of the commitment this report rests on. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => `'{}'` })
  evidenceIds: string[];

  @Column({ type: 'varchar', length: 200 })
  author: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;
}
