import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { DialoguesRepository } from './dialogues.repository.js';
import { announcementCancelReason, dialogueKeys, planDialogueUpcoming } from './domain/dialogue-reminder.js';

/** A session is announced 24 hours ahead: a new time replaces the announcement, held or cancelled ends it. */
@Injectable()
export class DialogueAnnouncements {
  constructor(
    private readonly sessions: DialoguesRepository,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('dialogue-session.changed', { id: 'dialogues.announce-session', queue: 'reminders' })
  async announce({ payload }: DomainEvent<'dialogue-session.changed'>): Promise<void> {
    // The session as it is now: events of two quick edits may arrive in either order.
    const session = await this.sessions.findByIdForUpdate(payload.sessionId);
    if (!session) return;
    const plan = planDialogueUpcoming(
      { ...session, administrativeUnitId: await this.projects.primaryUnitOf(session.projectId) },
      this.clock.timeZone,
    );
    await this.reminders.replace(
      dialogueKeys.session(session.id),
      plan ? [plan] : [],
      announcementCancelReason(session.status),
    );
    await this.reminders.releaseDue();
  }
}
