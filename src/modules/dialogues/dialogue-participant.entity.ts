import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DIALOGUE_POSITIONS = ['agree', 'object', 'conditional', 'undecided'] as const;
export type DialoguePosition = (typeof DIALOGUE_POSITIONS)[number];

/** A household invited to a dialogue session, and once held, whether it came and what it said. */
@Entity('dialogue_participants')
export class DialogueParticipant {
  @PrimaryColumn({ name: 'dialogue_session_id', type: 'uuid' })
  dialogueSessionId: string;

  @PrimaryColumn({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  position: DialoguePosition | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
