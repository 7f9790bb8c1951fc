import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { MAX_PAGE_SIZE } from '../../common/http/pagination.js';
import { toLocalDateTime } from '../../common/time/civil-date.js';
import { type DialogueSessionWithParticipants, DialoguesService } from '../dialogues/dialogues.service.js';
import type { FieldErrors } from '../../common/errors/domain-error.js';
import type { EvidenceView } from '../evidence/evidence-file.entity.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { preconditionEvidenceErrors } from './domain/enforcement-evidence.js';
import { LegalCalendarService } from '../legal-clock/legal-calendar.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import { missingPreconditions, type Precondition } from './domain/enforcement-preconditions.js';
import type { CalendarFacts } from './domain/enforcement-window.js';
import type { EnforcementRecord } from './enforcement-record.entity.js';

/** What the persuasion file of a household holds, loaded through the visits and dialogues services. */
export interface PersuasionFile {
  visits: ReadonlyMap<string, Visit>;
  /** The evidence files the record points at, by id (missing ones are absent). */
  evidence: ReadonlyMap<string, EvidenceView>;
  dialogue: { exists: boolean; held: boolean; householdInvited: boolean } | null;
}

/** The persuasion-related fields of a record, as stored or as a change would leave them. */
export type FileFields = Pick<
  EnforcementRecord,
  | 'householdId'
  | 'projectId'
  | 'decisionPostedOn'
  | 'delivery'
  | 'deliveredOn'
  | 'persuasionAttestations'
  | 'dialogueSessionId'
  | 'preconditionEvidence'
>;

/** Dialogue sessions already read in one call, by id (null: no such session). */
export type SessionCache = Map<string, Promise<DialogueSessionWithParticipants | null>>;

/**
 * Reads what LL2024 art. 89 requires to be on file before enforcement (visits of the household,
 * a dialogue session it was invited to) and what the legal calendar says about a proposed time.
 * It reads in the ambient transaction, so under the record's lock it sees what the lock protects.
 */
@Injectable()
export class PersuasionFileReader {
  constructor(
    private readonly visits: VisitsService,
    private readonly dialogues: DialoguesService,
    private readonly calendar: LegalCalendarService,
    private readonly evidence: EvidenceService,
    private readonly clock: Clock,
  ) {}

  /** The file of a record; pass what one call already read (the household's visits, sessions) to share it. */
  async load(
    fields: Pick<FileFields, 'householdId' | 'projectId' | 'dialogueSessionId' | 'preconditionEvidence'>,
    known: { visits?: ReadonlyMap<string, Visit>; sessions?: SessionCache } = {},
  ): Promise<PersuasionFile> {
    return {
      visits: known.visits ?? (await this.visitsOf(fields.householdId)),
      dialogue: await this.dialogueFacts(fields, known.sessions ?? (new Map() as SessionCache)),
      evidence: await this.evidenceOf(fields),
    };
  }

  /** What the record's pointers name wrongly (see preconditionEvidenceErrors). */
  evidenceErrors(fields: FileFields, file: PersuasionFile): FieldErrors {
    return preconditionEvidenceErrors(fields.preconditionEvidence, file.evidence, fields);
  }

  /** The files the record points at; a file of another project is left out, as if it did not exist. */
  private async evidenceOf({
    projectId,
    preconditionEvidence,
  }: Pick<FileFields, 'projectId' | 'preconditionEvidence'>): Promise<Map<string, EvidenceView>> {
    if (preconditionEvidence.length === 0) return new Map();
    const files = await this.evidence.findByIds(preconditionEvidence.map((pointer) => pointer.evidenceId));
    return new Map(files.filter((file) => file.projectId === projectId).map((file) => [file.id, file]));
  }

  /** What the file still lacks for these fields. */
  missing(fields: FileFields, file: PersuasionFile): Precondition[] {
    return missingPreconditions({
      decisionPostedOn: fields.decisionPostedOn,
      delivery: fields.delivery,
      deliveredOn: fields.deliveredOn,
      attestations: fields.persuasionAttestations,
      householdVisitIds: new Set(file.visits.keys()),
      dialogue: file.dialogue?.exists ? file.dialogue : null,
    });
  }

  /** Every visit of the household, by id (a household has tens of visits, not thousands). */
  async visitsOf(householdId: string): Promise<Map<string, Visit>> {
    const visits = new Map<string, Visit>();
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const [page, total] = await this.visits.list(householdId, { limit: MAX_PAGE_SIZE, offset });
      for (const visit of page) visits.set(visit.id, visit);
      if (page.length === 0 || offset + page.length >= total) return visits;
    }
  }

  /** The holiday calendar's answers about the local date of a proposed time. */
  async calendarFacts(instant: Date): Promise<CalendarFacts> {
    const { date } = toLocalDateTime(instant, this.clock.timeZone);
    const year = Number(date.slice(0, 4));
    // Only Tết of the same year can fall within 15 days of a date (Tết is between 21 January and 20 February).
    const tetFirstDay = await this.calendar.tetFirstDay(year);
    // The blackout length is data (rule enforcement.tet-blackout), read off the rule; the offset does not
    // depend on the day it is applied to, so today (always inside the calendar) stands in for it.
    const blackout = await this.calendar.dueDateIfActive('enforcement.tet-blackout', this.clock.today());
    return {
      isHoliday: await this.calendar.isHoliday(date),
      tetFirstDays: tetFirstDay ? [tetFirstDay] : [],
      tetBlackoutDays: blackout?.offsetDays ?? null,
    };
  }

  /**
   * What the named dialogue session says about the household. A session of another project is
   * answered exactly like one that does not exist, so a record cannot probe other wards' sessions.
   */
  private async dialogueFacts(
    { householdId, projectId, dialogueSessionId }: Pick<FileFields, 'householdId' | 'projectId' | 'dialogueSessionId'>,
    sessions: SessionCache,
  ): Promise<PersuasionFile['dialogue']> {
    if (!dialogueSessionId) return null;
    let loading = sessions.get(dialogueSessionId);
    if (!loading) {
      loading = this.findSession(dialogueSessionId);
      sessions.set(dialogueSessionId, loading);
    }
    const found = await loading;
    if (!found || found.session.projectId !== projectId) return { exists: false, held: false, householdInvited: false };
    return {
      exists: true,
      held: found.session.status === 'held',
      householdInvited: found.participants.some((p) => p.householdId === householdId),
    };
  }

  private async findSession(id: string): Promise<DialogueSessionWithParticipants | null> {
    try {
      return await this.dialogues.get(id);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
