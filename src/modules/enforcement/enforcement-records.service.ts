import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError, type FieldErrors } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import { HouseholdArchivedError } from '../households/households.errors.js';
import { HouseholdsService } from '../households/households.service.js';
import type { EvidenceView } from '../evidence/evidence-file.entity.js';
import type { Visit } from '../visits/visit.entity.js';
import type { PreconditionEvidence } from './domain/enforcement-evidence.js';
import type { Precondition } from './domain/enforcement-preconditions.js';
import type { EnforcementStatus, PersuasionAttestation } from './domain/enforcement-status.js';
import { decideEdit, decisionDateErrors, type EnforcementDecision, fileStatus } from './domain/enforcement.rules.js';
import type { CreateEnforcementRecordDto } from './dto/create-enforcement-record.dto.js';
import type { UpdateEnforcementRecordDto } from './dto/update-enforcement-record.dto.js';
import type { EnforcementRecord } from './enforcement-record.entity.js';
import { EnforcementInputError, EnforcementRefusedError, HouseholdNotObjectingError } from './enforcement.errors.js';
import { EnforcementRepository } from './enforcement.repository.js';
import {
  type FileFields,
  type PersuasionFile,
  PersuasionFileReader,
  type SessionCache,
} from './persuasion-file.reader.js';

/** A record with the household's visits it names and what it still lacks, as the API shows it. */
export interface EnforcementView {
  record: EnforcementRecord;
  visits: ReadonlyMap<string, Visit>;
  missing: Precondition[];
  /** The evidence files its preconditions point at. */
  evidence: ReadonlyMap<string, EvidenceView>;
}

/**
 * Enforcement records (cưỡng chế, LL2024 art. 89) while they are prepared: opened against an
 * objecting household with its decision, corrected until scheduled, read with what they lack.
 * Every change locks the household first, then the record (the product's one lock order).
 */
@Injectable()
export class EnforcementRecordsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: EnforcementRepository,
    private readonly households: HouseholdsService,
    private readonly files: PersuasionFileReader,
    private readonly clock: Clock,
  ) {}

  /** Opens a record: the household is locked, so it cannot stop objecting between the check and the insert. */
  create(householdId: string, input: CreateEnforcementRecordDto, actor: Actor): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const household = await this.lockObjecting(householdId);
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
        preconditionEvidence: pointersOf(input.evidence),
      };
      const file = await this.files.load(fields);
      this.assertValid(fields, file, fields);
      const missing = this.files.missing(fields, file);
      const record = await this.records.insert({
        ...fields,
        persuasionNote: input.persuasionNote ?? null,
        status: fileStatus(missing),
        createdBy: actor.name,
        createdById: actor.id,
      });
      return { record, visits: file.visits, missing, evidence: file.evidence };
    });
  }

  async listForHousehold(householdId: string): Promise<EnforcementView[]> {
    await this.households.assertExists(householdId);
    const records = await this.records.listForHousehold(householdId);
    const visits = await this.files.visitsOf(householdId);
    // Records of a household often name the same session: read each one once.
    const sessions: SessionCache = new Map();
    return Promise.all(
      records.map(async (record) => {
        const file = await this.files.load(record, { visits, sessions });
        return { record, visits, missing: this.openMissing(record, file), evidence: file.evidence };
      }),
    );
  }

  /** Scheduled enforcement and hand-overs after compliance coming due by `until` (or past), for agendas. */
  dueBy(
    projectIds: readonly string[],
    householdIds: readonly string[] | null,
    until: string,
    untilInstant: Date,
  ): Promise<EnforcementRecord[]> {
    return this.records.dueBy(projectIds, householdIds, until, untilInstant);
  }

  /** A project's records in these statuses (those in preparation by default), newest first, with what each lacks. */
  async listForProject(projectId: string, statuses: readonly EnforcementStatus[]): Promise<EnforcementView[]> {
    const records = await this.records.listForProject(projectId, statuses);
    return Promise.all(records.map((record) => this.view(record)));
  }

  async get(id: string): Promise<EnforcementView> {
    return this.view(await this.find(id));
  }

  /** Where a record lies, for `@InScope('enforcementRecord')`. */
  @ResolvesScope('enforcementRecord')
  async locate(id: string): Promise<RecordLocation | null> {
    const record = await this.records.findById(id);
    return record ? { projectIds: [record.projectId], householdId: record.householdId } : null;
  }

  update(id: string, input: UpdateEnforcementRecordDto, expected: number | undefined): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const locked = await this.lock(id, expected);
      refuseUnless(decideEdit(locked.status));
      const { version: _version, attestations, evidence, ...changes } = input;
      const next: EnforcementRecord = {
        ...locked,
        ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
        ...(attestations ? { persuasionAttestations: attestations.map(({ visitId, by }) => ({ visitId, by })) } : {}),
        ...(evidence ? { preconditionEvidence: pointersOf(evidence) } : {}),
      };
      const file = await this.files.load(next);
      this.assertValid(next, file, next);
      const missing = this.files.missing(next, file);
      Object.assign(locked, next, { status: fileStatus(missing), version: locked.version + 1 });
      return { record: await this.records.save(locked), visits: file.visits, missing, evidence: file.evidence };
    });
  }

  /**
   * Locks a record for a change, in the product's lock order: its household first, then the record.
   */
  async lock(id: string, expected: number | undefined): Promise<EnforcementRecord> {
    const found = await this.find(id);
    await this.households.lock(found.householdId);
    const locked = await this.records.findByIdForUpdate(id);
    if (!locked) throw new NotFoundError('EnforcementRecord', id);
    assertVersion('EnforcementRecord', locked, expected);
    return locked;
  }

  async view(record: EnforcementRecord): Promise<EnforcementView> {
    const file = await this.files.load(record);
    return { record, visits: file.visits, missing: this.openMissing(record, file), evidence: file.evidence };
  }

  private async find(id: string): Promise<EnforcementRecord> {
    const record = await this.records.findById(id);
    if (!record) throw new NotFoundError('EnforcementRecord', id);
    return record;
  }

  /** The household must (still) object: a consent move made meanwhile either committed before or waits. */
  private async lockObjecting(householdId: string) {
    try {
      const household = await this.households.lockLive(householdId);
      if (household.status !== 'objecting') throw new HouseholdNotObjectingError(householdId, household.status);
      return household;
    } catch (error) {
      if (error instanceof HouseholdArchivedError) throw new HouseholdNotObjectingError(householdId, 'archived');
      throw error;
    }
  }

  /** Only an open record lacks anything; a closed one is history. */
  private openMissing(record: EnforcementRecord, file: PersuasionFile): Precondition[] {
    return record.status === 'draft' || record.status === 'ready' ? this.files.missing(record, file) : [];
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
    Object.assign(errors, this.files.evidenceErrors(fields, file));
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
}

function pointersOf(evidence: readonly PreconditionEvidence[] | undefined): PreconditionEvidence[] {
  return (evidence ?? []).map(({ precondition, evidenceId }) => ({ precondition, evidenceId }));
}

export function refuseUnless(decision: EnforcementDecision): void {
  if (!decision.allowed) throw new EnforcementRefusedError(decision.code, decision.message, decision.details);
}
