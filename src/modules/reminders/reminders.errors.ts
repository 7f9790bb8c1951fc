import { DomainError } from '../../common/errors/domain-error.js';
import type { ReminderAction } from './domain/reminder-status.js';

/** A person's move the reminder's status does not allow; `details.allowed` lists the legal ones. */
export class ReminderMoveRefusedError extends DomainError {
  constructor(id: string, code: string, message: string, allowed: ReminderAction[]) {
    super('rule_violation', code, message, { id, allowed });
  }
}
