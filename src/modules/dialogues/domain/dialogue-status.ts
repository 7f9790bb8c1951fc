import { Transitions } from '../../../common/state-machine/transitions.js';
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

/** A session's life; every session starts scheduled. */
export const DIALOGUE_LIFE = Transitions.define<DialogueStatus>('scheduled', DIALOGUE_STATUS_MOVES);
