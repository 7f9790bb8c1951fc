import type { DialogueStatus } from './dialogue-session.entity.js';

export interface DialogueSessionChanged {
  sessionId: string;
  projectId: string;
  status: DialogueStatus;
  /** ISO 8601. */
  scheduledAt: string;
}

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A dialogue session was planned, moved, held or cancelled. */
    'dialogue-session.changed': DialogueSessionChanged;
  }
}
