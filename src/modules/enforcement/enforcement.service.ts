import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { type FieldErrors, NotFoundError, StaleVersionError } from '../../common/errors/domain-error.js';
import { MAX_PAGE_SIZE } from '../../common/http/pagination.js';
import type { ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { toLocalDateTime, viDate } from '../../common/time/civil-date.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { projectInScope, type Scope } from '../access/scope.js';
import { type DialogueSessionWithParticipants, DialoguesService } from '../dialogues/dialogues.service.js';
import type { EvidenceDto } from '../households/dto/consent-transition.dto.js';
import { HouseholdArchivedError } from '../households/households.errors.js';
import { HouseholdsService } from '../households/households.service.js';
import { LegalCalendarService } from '../legal-clock/legal-calendar.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import { missingPreconditions, type Precondition } from './domain/enforcement-preconditions.js';
import { ENFORCEMENT_LEGAL_BASIS, type PersuasionAttestation } from './domain/enforcement-status.js';
import { type CalendarFacts, forbiddenTimes } from './domain/enforcement-window.js';
import {
  decideEdit,
  decideOutcome,
  decideSchedule,
  decisionDateErrors,
  type EnforcementDecision,
  fileStatus,
  outcomeDateErrors,
} from './domain/enforcement.rules.js';
import type {
  CancelEnforcementDto,
  ComplyEnforcementDto,
  ExecuteEnforcementDto,
  ScheduleEnforcementDto,
} from './dto/enforcement-actions.dto.js';
import type { CreateEnforcementRecordDto } from './dto/create-enforcement-record.dto.js';
import type { UpdateEnforcementRecordDto } from './dto/update-enforcement-record.dto.js';
import type { EnforcementRecord } from './enforcement-record.entity.js';
import {
  EnforcementInputError,
  EnforcementRecordChangedError,
  EnforcementRefusedError,
  HouseholdNotObjectingError,
} from './enforcement.errors.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** A record with the household's visits it names and what it still lacks, as the API shows it. */
export interface EnforcementView {
  record: EnforcementRecord;
  visits: ReadonlyMap<string, Visit>;
  missing: Precondition[];
}

/** What the persuasion file of a household holds, loaded through the visits and dialogues services. */
interface PersuasionFile {
  visits: ReadonlyMap<string, Visit>;
  dialogue: { exists: boolean; held: boolean; householdInvited: boolean } | null;
}

/** The persuasion-related fields of a record, as stored or as a change would leave them. */
type FileFields = Pick<
  EnforcementRecord,
  | 'householdId'
  | 'projectId'
  | 'decisionPostedOn'
  | 'delivery'
  | 'deliveredOn'
  | 'persuasionAttestations'
  | 'dialogueSessionId'
>;

/** Dialogue sessions already read in one call, by id (null: no such session). */
type SessionCache = Map<string, Promise<DialogueSessionWithParticipants | null>>;

/**
 * Compulsory recovery (cưỡng chế) under LL2024 art. 89. This service alone may move a household to
 * `enforcement_pending`: it checks that the decision is posted and delivered and that persuasion by
 * the ward and the Fatherland Front and a dialogue session are on file, and that the time is lawful.
 *
 * The persuasion file and the calendar are read before each transaction (through other modules'
 * services, on their own connections); inside it the record is locked and must not have changed since.
 */
@Injectable()
export class EnforcementService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: EnforcementRepository,
    private readonly households: HouseholdsService,
    private readonly visits: VisitsService,
    private readonly dialogues: DialoguesService,
    private readonly calendar: LegalCalendarService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a record. The persuasion file is read first (outside the lock); the household is then
   * locked, so its status cannot change between the check that it objects and the insert.
   */
  async create(householdId: string, input: CreateEnforcementRecordDto, actor: Actor): Promise<EnforcementView> {
    const { household } = await this.households.get(householdId);
    const fields: FileFields & Pick<EnforcementRecord, 'decisionNo' | 'decisionIssuedOn' | 'deliveryNote'> = {
      householdId,
      projectId: household.projectId,
      decisionNo: input.decisionNo,
      decisionIssuedOn: input.decisionIssuedOn,
      decisionPostedOn: input.decisionPostedOn ?? null,
      delivery: input.delivery ?? null,
      deliveredOn: input.deliveredOn ?? null,
      deliveryNote: input.deliveryNote ?? null,
      persuasionAttestations: (input.attestations ?? []).map(({ visitId, by }) => ({ visitId, by })),
      dialogueSessionId: input.dialogueSessionId ?? null,
    };
    const file = await this.loadFile(fields);
    this.assertValid(fields, file, {
      decisionIssuedOn: fields.decisionIssuedOn,
      deliveryNote: fields.deliveryNote,
    });

    const missing = this.missing(fields, file);
    const record = await this.tx.run(async () => {
      const locked = await this.lockObjecting(householdId);
      return this.records.insert({
        ...fields,
        projectId: locked.projectId,
        persuasionNote: input.persuasionNote ?? null,
        status: fileStatus(missing),
        createdBy: actor.name,
        createdById: actor.id,
      });
    });
    return { record, visits: file.visits, missing };
  }

  async listForHousehold(householdId: string): Promise<EnforcementView[]> {
    await this.households.assertExists(householdId);
    const records = await this.records.listForHousehold(householdId);
    const visits = await this.visitsOf(householdId);
    // Records of a household often name the same session: read each one once.
    const sessions: SessionCache = new Map();
    return Promise.all(
      records.map(async (record) => {
        const file = { visits, dialogue: await this.dialogueFacts(record, sessions) };
        return { record, visits, missing: this.openMissing(record, file) };
      }),
    );
  }

  async get(id: string, scope: Scope): Promise<EnforcementView> {
    const record = await this.findInScope(id, scope);
    return this.view(record, await this.loadFile(record));
  }

  async update(
    id: string,
    input: UpdateEnforcementRecordDto,
    scope: Scope,
    expected: ExpectedVersion | undefined,
  ): Promise<EnforcementView> {
    const loaded = await this.findInScope(id, scope);
    assertVersion(loaded, expected);
    refuseUnless(decideEdit(loaded.status));

    const { version: _version, attestations, ...changes } = input;
    const next: EnforcementRecord = {
      ...loaded,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      ...(attestations ? { persuasionAttestations: attestations.map(({ visitId, by }) => ({ visitId, by })) } : {}),
    };
    const file = await this.loadFile(next);
    this.assertValid(next, file, next);
    const missing = this.missing(next, file);

    const record = await this.tx.run(async () => {
      const locked = await this.lockUnchanged(loaded);
      Object.assign(locked, next, { status: fileStatus(missing), version: locked.version + 1 });
      return this.records.save(locked);
    });
    return { record, visits: file.visits, missing };
  }

  /**
   * Schedules (or reschedules) the enforcement. The first time, the household moves from `objecting`
   * to `enforcement_pending` in the same transaction, citing the decision.
   */
  async schedule(
    id: string,
    input: ScheduleEnforcementDto,
    scope: Scope,
    actor: Actor,
    expected: ExpectedVersion | undefined,
  ): Promise<EnforcementView> {
    const loaded = await this.findInScope(id, scope);
    assertVersion(loaded, expected);
    const scheduledAt = new Date(input.scheduledAt);
    const file = await this.loadFile(loaded);
    const missing = this.missing(loaded, file);
    const forbidden = forbiddenTimes(scheduledAt, this.clock.timeZone, await this.calendarFacts(scheduledAt));
    refuseUnless(decideSchedule({ status: loaded.status, missing, forbidden, scheduledAt, now: this.clock.now() }));

    const record = await this.tx.run(async () => {
      const locked = await this.lockUnchanged(loaded);
      const firstTime = locked.status !== 'scheduled';
      Object.assign(locked, { status: 'scheduled', scheduledAt, version: locked.version + 1 });
      const saved = await this.records.save(locked);
      if (firstTime) {
        const local = toLocalDateTime(scheduledAt, this.clock.timeZone);
        await this.households.transition(
          locked.householdId,
          {
            status: 'enforcement_pending',
            from: 'objecting',
            reason:
              `Cưỡng chế thu hồi đất theo Quyết định số ${locked.decisionNo} ngày ${viDate(locked.decisionIssuedOn)}; ` +
              `dự kiến thực hiện lúc ${local.time} ngày ${viDate(local.date)} (${ENFORCEMENT_LEGAL_BASIS})`,
            evidence: this.evidenceOf(locked),
          },
          actor,
          undefined,
          { viaEnforcement: true },
        );
      }
      return saved;
    });
    return { record, visits: file.visits, missing: [] };
  }

  /**
   * The household complies during enforcement: it goes back to `agreed`, and must hand over the site
   * within the period of the `enforcement.compliance-handover` rule (30 days, LL2024 art. 89(4)).
   */
  async comply(
    id: string,
    input: ComplyEnforcementDto,
    scope: Scope,
    actor: Actor,
    expected: ExpectedVersion | undefined,
  ): Promise<EnforcementView> {
    const loaded = await this.findInScope(id, scope);
    assertVersion(loaded, expected);
    refuseUnless(decideOutcome(loaded.status));
    const errors = outcomeDateErrors('compliedOn', input.compliedOn, loaded.decisionIssuedOn, this.clock.today());
    if (Object.keys(errors).length) throw new EnforcementInputError(errors);
    const due = await this.calendar.dueDate('enforcement.compliance-handover', input.compliedOn);

    const record = await this.tx.run(async () => {
      const locked = await this.lockUnchanged(loaded);
      Object.assign(locked, {
        status: 'complied',
        compliedOn: input.compliedOn,
        handoverDueOn: due.dueOn,
        handoverDueBasis: due.legalBasis,
        outcome: input.outcome ?? null,
        version: locked.version + 1,
      });
      const saved = await this.records.save(locked);
      await this.households.transition(
        locked.householdId,
        {
          status: 'agreed',
          from: 'enforcement_pending',
          reason:
            `Hộ chấp hành Quyết định cưỡng chế số ${locked.decisionNo} ngày ${viDate(input.compliedOn)}; ` +
            `bàn giao mặt bằng chậm nhất ngày ${viDate(due.dueOn)} (${due.legalBasis})`,
          evidence: [{ kind: 'decision', reference: locked.decisionNo }],
        },
        actor,
        undefined,
        { viaEnforcement: true },
      );
      await this.reminders.scheduleHandoverDeadline({
        enforcementRecordId: locked.id,
        projectId: locked.projectId,
        householdId: locked.householdId,
        decisionNo: locked.decisionNo,
        compliedOn: input.compliedOn,
        dueOn: due.dueOn,
        legalBasis: due.legalBasis,
      });
      return saved;
    });
    return this.view(record, await this.loadFile(record));
  }

  /** Enforcement carried out: the site is recovered and the household is `handed_over` (enforced). */
  async execute(
    id: string,
    input: ExecuteEnforcementDto,
    scope: Scope,
    actor: Actor,
    expected: ExpectedVersion | undefined,
  ): Promise<EnforcementView> {
    const loaded = await this.findInScope(id, scope);
    assertVersion(loaded, expected);
    refuseUnless(decideOutcome(loaded.status));
    const scheduledOn = toLocalDateTime(loaded.scheduledAt as Date, this.clock.timeZone).date;
    const errors = outcomeDateErrors('handedOverOn', input.handedOverOn, scheduledOn, this.clock.today());
    if (Object.keys(errors).length) throw new EnforcementInputError(errors);

    const record = await this.tx.run(async () => {
      const locked = await this.lockUnchanged(loaded);
      Object.assign(locked, {
        status: 'executed',
        handedOverOn: input.handedOverOn,
        outcome: input.outcome ?? null,
        version: locked.version + 1,
      });
      const saved = await this.records.save(locked);
      await this.households.transition(
        locked.householdId,
        {
          status: 'handed_over',
          from: 'enforcement_pending',
          handoverMode: 'enforced',
          handedOverOn: input.handedOverOn,
          reason: `Cưỡng chế thu hồi đất theo Quyết định số ${locked.decisionNo}; bàn giao mặt bằng ngày ${viDate(input.handedOverOn)}`,
          evidence: [{ kind: 'decision', reference: locked.decisionNo }],
        },
        actor,
        undefined,
        { viaEnforcement: true },
      );
      await this.reminders.cancelHandoverDeadlines(locked.householdId, 'Đã bàn giao mặt bằng');
      return saved;
    });
    return this.view(record, await this.loadFile(record));
  }

  /** Abandons a record not yet scheduled (once scheduled, it ends by compliance or execution). */
  async cancel(
    id: string,
    input: CancelEnforcementDto,
    scope: Scope,
    expected: ExpectedVersion | undefined,
  ): Promise<EnforcementView> {
    const loaded = await this.findInScope(id, scope);
    assertVersion(loaded, expected);
    refuseUnless(decideEdit(loaded.status));
    const record = await this.tx.run(async () => {
      const locked = await this.lockUnchanged(loaded);
      Object.assign(locked, { status: 'cancelled', cancelReason: input.reason, version: locked.version + 1 });
      return this.records.save(locked);
    });
    return this.view(record, await this.loadFile(record));
  }

  /**
   * A household that no longer objects (it agreed, or turned conditional) cannot be enforced
   * against: records still in preparation are cancelled, so the file and the household agree.
   * Re-reads everything under locks; running it twice changes nothing.
   */
  @HandlesJob('enforcement.close-drafts')
  async closeDrafts({ householdId }: JobPayloads['enforcement.close-drafts']): Promise<number> {
    return this.tx.run(async () => {
      const household = await this.households.lockForVisit(householdId).catch((error: unknown) => {
        if (error instanceof HouseholdArchivedError) return null;
        throw error;
      });
      if (household?.status === 'objecting') return 0;
      let closed = 0;
      for (const record of await this.records.listForHousehold(householdId)) {
        if (record.status !== 'draft' && record.status !== 'ready') continue;
        const locked = await this.records.findByIdForUpdate(record.id);
        if (!locked || (locked.status !== 'draft' && locked.status !== 'ready')) continue;
        Object.assign(locked, {
          status: 'cancelled',
          cancelReason: `Hộ không còn phản đối (${household ? household.status : 'hồ sơ đã lưu trữ'}): dừng chuẩn bị cưỡng chế`,
          version: locked.version + 1,
        });
        await this.records.save(locked);
        closed += 1;
      }
      return closed;
    });
  }

  /**
   * Locks the household for the caller's transaction and makes sure it (still) objects: a consent
   * move made meanwhile either committed before (and is seen here) or waits for this transaction.
   */
  private async lockObjecting(householdId: string) {
    try {
      const household = await this.households.lockForVisit(householdId);
      if (household.status !== 'objecting') throw new HouseholdNotObjectingError(householdId, household.status);
      return household;
    } catch (error) {
      if (error instanceof HouseholdArchivedError) throw new HouseholdNotObjectingError(householdId, 'archived');
      throw error;
    }
  }

  private async findInScope(id: string, scope: Scope): Promise<EnforcementRecord> {
    const record = await this.records.findById(id);
    if (!record || !projectInScope(scope, record.projectId)) throw new NotFoundError('EnforcementRecord', id);
    return record;
  }

  /** Locks the record and makes sure nobody changed it since the facts were read outside the lock. */
  private async lockUnchanged(loaded: EnforcementRecord): Promise<EnforcementRecord> {
    const locked = await this.records.findByIdForUpdate(loaded.id);
    if (!locked) throw new NotFoundError('EnforcementRecord', loaded.id);
    if (locked.version !== loaded.version) throw new EnforcementRecordChangedError(loaded.id);
    return locked;
  }

  private view(record: EnforcementRecord, file: PersuasionFile): EnforcementView {
    return { record, visits: file.visits, missing: this.openMissing(record, file) };
  }

  /** Only an open record lacks anything; a closed one is history. */
  private openMissing(record: EnforcementRecord, file: PersuasionFile): Precondition[] {
    return record.status === 'draft' || record.status === 'ready' ? this.missing(record, file) : [];
  }

  private missing(fields: FileFields, file: PersuasionFile): Precondition[] {
    return missingPreconditions({
      decisionPostedOn: fields.decisionPostedOn,
      delivery: fields.delivery,
      deliveredOn: fields.deliveredOn,
      attestations: fields.persuasionAttestations,
      householdVisitIds: new Set(file.visits.keys()),
      dialogue: file.dialogue?.exists ? file.dialogue : null,
    });
  }

  private async loadFile(
    fields: Pick<FileFields, 'householdId' | 'projectId' | 'dialogueSessionId'>,
  ): Promise<PersuasionFile> {
    return {
      visits: await this.visitsOf(fields.householdId),
      dialogue: await this.dialogueFacts(fields),
    };
  }

  /** Every visit of the household, by id (a household has tens of visits, not thousands). */
  private async visitsOf(householdId: string): Promise<Map<string, Visit>> {
    const visits = new Map<string, Visit>();
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const [page, total] = await this.visits.list(householdId, { limit: MAX_PAGE_SIZE, offset });
      for (const visit of page) visits.set(visit.id, visit);
      if (page.length === 0 || offset + page.length >= total) return visits;
    }
  }

  /**
   * What the named dialogue session says about the household. A session of another project is
   * answered exactly like one that does not exist, so a record cannot probe other wards' sessions.
   */
  private async dialogueFacts(
    { householdId, projectId, dialogueSessionId }: Pick<FileFields, 'householdId' | 'projectId' | 'dialogueSessionId'>,
    sessions: SessionCache = new Map(),
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

  /** Dates in order, and references that name this household's visits and a held session it was invited to. */
  private assertValid(
    fields: FileFields,
    file: PersuasionFile,
    decision: Pick<EnforcementRecord, 'decisionIssuedOn' | 'deliveryNote'>,
  ): void {
    const errors: FieldErrors = decisionDateErrors(
      {
        decisionIssuedOn: decision.decisionIssuedOn,
        decisionPostedOn: fields.decisionPostedOn,
        delivery: fields.delivery,
        deliveredOn: fields.deliveredOn,
        deliveryNote: decision.deliveryNote,
      },
      this.clock.today(),
    );
    fields.persuasionAttestations.forEach((attestation: PersuasionAttestation, index) => {
      if (!file.visits.has(attestation.visitId)) {
        errors[`attestations.${index}.visitId`] = [`visit ${attestation.visitId} is not a visit of this household`];
      }
    });
    const dialogue = file.dialogue;
    if (fields.dialogueSessionId && dialogue) {
      const problem = !dialogue.exists
        ? 'does not exist'
        : !dialogue.householdInvited
          ? 'did not invite this household'
          : !dialogue.held
            ? 'has not been held'
            : null;
      if (problem) errors.dialogueSessionId = [`dialogue session ${fields.dialogueSessionId} ${problem}`];
    }
    if (Object.keys(errors).length) throw new EnforcementInputError(errors);
  }

  private async calendarFacts(instant: Date): Promise<CalendarFacts> {
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

  /** The decision and the persuasion it rests on, as evidence on the household's history row. */
  private evidenceOf(record: EnforcementRecord): EvidenceDto[] {
    return [
      { kind: 'decision', reference: record.decisionNo },
      ...record.persuasionAttestations.map(({ visitId, by }) => ({
        kind: 'visit',
        reference: visitId,
        note: by === 'ward' ? 'Vận động của tổ công tác phường' : 'Vận động của Mặt trận Tổ quốc',
      })),
      ...(record.dialogueSessionId ? [{ kind: 'dialogue_session', reference: record.dialogueSessionId }] : []),
    ];
  }
}

function assertVersion(record: EnforcementRecord, expected: ExpectedVersion | undefined): void {
  if (expected && expected.version !== record.version) {
    throw new StaleVersionError('EnforcementRecord', record.id, expected.version, record.version, expected.viaHeader);
  }
}

function refuseUnless(decision: EnforcementDecision): void {
  if (!decision.allowed) throw new EnforcementRefusedError(decision.code, decision.message, decision.details);
}
