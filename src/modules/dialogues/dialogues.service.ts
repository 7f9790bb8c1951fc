import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { EventBus } from '../../events/event-bus.service.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { DialogueParticipant } from './dialogue-participant.entity.js';
import type { DialogueSession } from './dialogue-session.entity.js';
import {
  DialogueSessionChangeRefusedError,
  HouseholdsNotInProjectError,
  InvalidScheduleRangeError,
} from './dialogues.errors.js';
import { DialoguesRepository } from './dialogues.repository.js';
import { effectivePatch, isEmptyPatch, type SessionPatch } from './domain/dialogue-session.changes.js';
import { decideSessionChange } from './domain/dialogue-session.rules.js';
import type { CreateDialogueSessionDto } from './dto/create-dialogue-session.dto.js';
import type { ListDialogueSessionsQuery } from './dto/list-dialogue-sessions.query.js';
import type { UpdateDialogueSessionDto } from './dto/update-dialogue-session.dto.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';

export interface DialogueSessionWithParticipants {
  session: DialogueSession;
  participants: DialogueParticipant[];
}

@Injectable()
export class DialoguesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: DialoguesRepository,
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async create(projectId: string, input: CreateDialogueSessionDto): Promise<DialogueSessionWithParticipants> {
    await this.projects.assertExists(projectId);
    await this.assertHouseholdsInProject(projectId, input.householdIds);
    return this.tx.run(async () => {
      const session = await this.sessions.insert({
        projectId,
        scheduledAt: new Date(input.scheduledAt),
        location: input.location,
        kind: input.kind,
        chair: input.chair,
        agenda: input.agenda ?? null,
      });
      await this.sessions.invite(session.id, input.householdIds);
      await this.announceChange(session);
      return { session, participants: await this.sessions.participantsOf(session.id) };
    });
  }

  /** Where a session lies, for `@InScope('dialogueSession')`. */
  @ResolvesScope('dialogueSession')
  async locate(id: string): Promise<RecordLocation | null> {
    const session = await this.sessions.findById(id);
    return session ? { projectIds: [session.projectId] } : null;
  }

  /** Scheduled sessions of these projects in [from, to). */
  scheduledBetween(projectIds: readonly string[], from: Date, to: Date): Promise<DialogueSession[]> {
    return this.sessions.scheduledBetween(projectIds, from, to);
  }

  async get(id: string): Promise<DialogueSessionWithParticipants> {
    const session = await this.sessions.findById(id);
    if (!session) throw new NotFoundError('DialogueSession', id);
    return { session, participants: await this.sessions.participantsOf(id) };
  }

  async list(
    projectId: string,
    query: ListDialogueSessionsQuery,
  ): Promise<[DialogueSessionWithParticipants[], number]> {
    await this.projects.assertExists(projectId);
    return this.listWhere(projectId, undefined, query);
  }

  /** The sessions a household was invited to, latest scheduled first, each with its participants. */
  async listForHousehold(
    householdId: string,
    query: ListDialogueSessionsQuery,
  ): Promise<[DialogueSessionWithParticipants[], number]> {
    await this.households.assertExists(householdId);
    return this.listWhere(null, householdId, query);
  }

  private async listWhere(
    projectId: string | null,
    householdId: string | undefined,
    query: ListDialogueSessionsQuery,
  ): Promise<[DialogueSessionWithParticipants[], number]> {
    if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
      throw new InvalidScheduleRangeError(query.from, query.to);
    }
    const [sessions, total] = await this.sessions.list(projectId, {
      householdId,
      status: query.status,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    const participants = await this.sessions.participantsBySession(sessions.map((s) => s.id));
    return [sessions.map((session) => ({ session, participants: participants.get(session.id) ?? [] })), total];
  }

  async update(
    id: string,
    input: UpdateDialogueSessionDto,
    expected: number | undefined,
  ): Promise<DialogueSessionWithParticipants> {
    const requested = toPatch(input);
    return this.tx.run(async () => {
      const session = await this.sessions.findByIdForUpdate(id);
      if (!session) throw new NotFoundError('DialogueSession', id);
      assertVersion('DialogueSession', session, expected);
      const participants = await this.sessions.participantsOf(id);
      // Only newly invited households are checked, so one archived after its invitation does not
      // block later edits; those already invited were checked when they were added.
      if (requested.householdIds) {
        const invited = new Set(participants.map((p) => p.householdId));
        await this.assertHouseholdsInProject(
          session.projectId,
          requested.householdIds.filter((householdId) => !invited.has(householdId)),
        );
      }
      const patch = effectivePatch({ ...session, invitations: participants }, requested);
      if (isEmptyPatch(patch)) return { session, participants };

      const wasInvited = participants.map((p) => p.householdId);
      const decision = decideSessionChange(
        { status: session.status, invitedHouseholdIds: new Set(patch.householdIds ?? wasInvited) },
        patch,
        this.clock.now(),
      );
      if (!decision.allowed)
        throw new DialogueSessionChangeRefusedError(decision.code, decision.message, decision.details);

      const { householdIds, attendance, ...columns } = patch;
      Object.assign(session, columns, { status: decision.status });
      session.version += 1;
      const saved = await this.sessions.save(session);
      await this.announceChange(saved);
      if (householdIds) {
        const keep = new Set(householdIds);
        const had = new Set(wasInvited);
        await this.sessions.uninvite(
          id,
          wasInvited.filter((householdId) => !keep.has(householdId)),
        );
        await this.sessions.invite(
          id,
          householdIds.filter((householdId) => !had.has(householdId)),
        );
      }
      if (attendance) await this.sessions.recordAttendance(id, attendance);
      return { session: saved, participants: await this.sessions.participantsOf(id) };
    });
  }

  private announceChange(session: DialogueSession): Promise<void> {
    return this.events.publish('dialogue-session.changed', {
      sessionId: session.id,
      projectId: session.projectId,
      status: session.status,
      scheduledAt: session.scheduledAt.toISOString(),
    });
  }

  private async assertHouseholdsInProject(projectId: string, householdIds: readonly string[]): Promise<void> {
    if (householdIds.length === 0) return;
    const found = new Set(await this.households.findIdsInProject(projectId, householdIds));
    const foreign = householdIds.filter((id) => !found.has(id));
    if (foreign.length) throw new HouseholdsNotInProjectError(projectId, foreign);
  }
}

function toPatch(input: UpdateDialogueSessionDto): SessionPatch {
  return {
    scheduledAt: input.scheduledAt === undefined ? undefined : new Date(input.scheduledAt),
    location: input.location,
    kind: input.kind,
    chair: input.chair,
    agenda: input.agenda,
    householdIds: input.householdIds,
    status: input.status,
    heldAt: input.heldAt === undefined ? undefined : new Date(input.heldAt),
    minutes: input.minutes,
    cancelReason: input.cancelReason,
    attendance: input.attendance?.map((entry) => ({
      householdId: entry.householdId,
      attended: entry.attended,
      position: entry.position ?? null,
      note: entry.note ?? null,
    })),
  };
}
