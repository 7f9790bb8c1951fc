import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { DialogueParticipant } from './dialogue-participant.entity.js';
import { DialogueSession } from './dialogue-session.entity.js';
import type { AttendanceRecord } from './domain/dialogue-session.changes.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface SessionFilter {
  /** Only sessions this household was invited to. */
  householdId?: string;
  status?: DialogueSession['status'];
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

@Injectable()
export class DialoguesRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<DialogueSession | null> {
    return this.manager.findOneBy(DialogueSession, { id });
  }

  findByIdForUpdate(id: string): Promise<DialogueSession | null> {
    return this.manager.findOne(DialogueSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Sessions of a project, or of the one household the filter names (its project's), latest first. */
  async list(projectId: string | null, filter: SessionFilter): Promise<[DialogueSession[], number]> {
    const builder = this.manager.createQueryBuilder(DialogueSession, 'session').where('true');
    if (projectId) builder.andWhere('session.project_id = :projectId', { projectId });
    if (filter.householdId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM dialogue_participants p WHERE p.dialogue_session_id = session.id AND p.household_id = :householdId)',
        { householdId: filter.householdId },
      );
    }
    if (filter.status) builder.andWhere('session.status = :status', { status: filter.status });
    if (filter.from) builder.andWhere('session.scheduled_at >= :from', { from: filter.from });
    if (filter.to) builder.andWhere('session.scheduled_at < :to', { to: filter.to });
    return builder
      .orderBy('session.scheduled_at', 'DESC')
      .addOrderBy('session.id', 'DESC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  /** Participants per session, for a whole page of sessions in one query. */
  async participantsBySession(sessionIds: readonly string[]): Promise<Map<string, DialogueParticipant[]>> {
    const rows = sessionIds.length
      ? await this.manager.find(DialogueParticipant, {
          where: { dialogueSessionId: In([...sessionIds]) },
          order: { householdId: 'ASC' },
        })
      : [];
    const bySession = new Map<string, DialogueParticipant[]>(sessionIds.map((id) => [id, []]));
    for (const row of rows) bySession.get(row.dialogueSessionId)?.push(row);
    return bySession;
  }

  async participantsOf(sessionId: string): Promise<DialogueParticipant[]> {
    return (await this.participantsBySession([sessionId])).get(sessionId) ?? [];
  }

  insert(session: Partial<DialogueSession>): Promise<DialogueSession> {
    return this.manager.save(DialogueSession, this.manager.create(DialogueSession, session));
  }

  save(session: DialogueSession): Promise<DialogueSession> {
    return this.manager.save(DialogueSession, session);
  }

  async invite(sessionId: string, householdIds: readonly string[]): Promise<void> {
    if (householdIds.length === 0) return;
    await this.manager.insert(
      DialogueParticipant,
      householdIds.map((householdId) => ({ dialogueSessionId: sessionId, householdId })),
    );
  }

  async uninvite(sessionId: string, householdIds: readonly string[]): Promise<void> {
    if (householdIds.length === 0) return;
    await this.manager.delete(DialogueParticipant, {
      dialogueSessionId: sessionId,
      householdId: In([...householdIds]),
    });
  }

  /** One statement for the whole list, however many households it names. */
  async recordAttendance(sessionId: string, records: readonly AttendanceRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.manager.upsert(
      DialogueParticipant,
      records.map((record) => ({ dialogueSessionId: sessionId, ...record })),
      ['dialogueSessionId', 'householdId'],
    );
  }

  /** Scheduled sessions of these projects in [from, to), by time. */
  scheduledBetween(projectIds: readonly string[], from: Date, to: Date): Promise<DialogueSession[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(DialogueSession, 'session')
      .where('session.project_id = ANY(:projectIds::uuid[])', { projectIds })
      .andWhere(`session.status = 'scheduled' AND session.scheduled_at >= :from AND session.scheduled_at < :to`, {
        from,
        to,
      })
      .orderBy('session.scheduled_at', 'ASC')
      .addOrderBy('session.id', 'ASC')
      .getMany();
  }
}
