import type { DialogueStatus } from '../dialogue-session.entity.js';

/**
 * The allowed status moves, as data. A held session is a record of what happened and a cancelled
 * one a record that it did not: neither goes anywhere else.
 */
export const DIALOGUE_STATUS_MOVES: Readonly<Record<DialogueStatus, readonly DialogueStatus[]>> = {
  scheduled: ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

export function allowedStatusMoves(from: DialogueStatus): readonly DialogueStatus[] {
  return DIALOGUE_STATUS_MOVES[from];
}

export function canMove(from: DialogueStatus, to: DialogueStatus): boolean {
  return DIALOGUE_STATUS_MOVES[from].includes(to);
}
