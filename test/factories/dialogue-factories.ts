import type { DataSource } from 'typeorm';
import { DialogueParticipant } from '../../src/modules/dialogues/dialogue-participant.entity.js';
import { DialogueSession } from '../../src/modules/dialogues/dialogue-session.entity.js';

/**
 * A dialogue session already on file, straight in the database, so a test can start from any status
 * without replaying the API. `householdIds` are invited; attendance is left unrecorded.
 */
export async function makeDialogueSession(
  ds: DataSource,
  projectId: string,
  overrides: Partial<DialogueSession> & { householdIds?: string[] } = {},
): Promise<DialogueSession> {
  const { householdIds = [], ...fields } = overrides;
  const held = fields.status === 'held';
  const session = await ds.getRepository(DialogueSession).save(
    ds.getRepository(DialogueSession).create({
      projectId,
      scheduledAt: new Date('2026-03-05T01:30:00Z'),
      location: 'Hội trường UBND phường Phú Thượng',
      kind: 'formal',
      chair: 'Trần Văn Bình',
      agenda: null,
      ...(held ? { heldAt: new Date('2026-03-05T01:30:00Z'), minutes: 'Biên bản đối thoại' } : {}),
      ...(fields.status === 'cancelled' ? { cancelReason: 'Hoãn do mưa bão' } : {}),
      ...fields,
    }),
  );
  if (householdIds.length) {
    await ds
      .getRepository(DialogueParticipant)
      .insert(householdIds.map((householdId) => ({ dialogueSessionId: session.id, householdId })));
  }
  return session;
}
