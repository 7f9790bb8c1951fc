import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's membership of a group, from joining to leaving (null: still a member). */
@Entity('working_group_members')
export class WorkingGroupMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order of events, even within one instant (the database numbers rows as they come). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'working_group_id', type: 'uuid' })
  workingGroupId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
