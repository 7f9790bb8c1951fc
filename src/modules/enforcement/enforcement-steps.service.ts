import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { Actor } from '../../common/request-context.js';
import { toLocalDateTime, viDate } from '../../common/time/civil-date.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { ConsentTransitionDto, EvidenceDto } from '../households/dto/consent-transition.dto.js';
import { HouseholdsService } from '../households/households.service.js';
import { LegalCalendarService } from '../legal-clock/legal-calendar.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { ENFORCEMENT_LEGAL_BASIS } from './domain/enforcement-status.js';
import { forbiddenTimes } from './domain/enforcement-window.js';
import { decideEdit, decideOutcome, decideSchedule, outcomeDateErrors } from './domain/enforcement.rules.js';
import { handoverKeys, planHandoverDeadline } from './domain/handover-reminders.js';
import type {
  CancelEnforcementDto,
  ComplyEnforcementDto,
  ExecuteEnforcementDto,
  ScheduleEnforcementDto,
} from './dto/enforcement-actions.dto.js';
import type { EnforcementRecord } from './enforcement-record.entity.js';
import { EnforcementRecordsService, type EnforcementView, refuseUnless } from './enforcement-records.service.js';
import { EnforcementInputError } from './enforcement.errors.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { PersuasionFileReader } from './persuasion-file.reader.js';

/**
 * The steps of compulsory recovery (LL2024 art. 89). This service alone may move a household to
 * `enforcement_pending`: scheduling checks that the decision is posted and delivered, that persuasion
 * by the ward and the Fatherland Front and a dialogue session are on file, and that the time is
 * lawful; the household then leaves it by complying (back to agreed, with a hand-over deadline) or
 * by execution (handed over, enforced). Each step locks the household, then the record.
 */
@Injectable()
export class EnforcementStepsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: EnforcementRecordsService,
    private readonly repository: EnforcementRepository,
    private readonly files: PersuasionFileReader,
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly calendar: LegalCalendarService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Schedules (or reschedules) the enforcement. The first time, the household moves from `objecting`
   * to `enforcement_pending` in the same transaction, citing the decision.
   */
  schedule(
    id: string,
    input: ScheduleEnforcementDto,
    actor: Actor,
    expected: number | undefined,
  ): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const record = await this.records.lock(id, expected);
      const scheduledAt = new Date(input.scheduledAt);
      const file = await this.files.load(record);
      const missing = this.files.missing(record, file);
      const forbidden = forbiddenTimes(scheduledAt, this.clock.timeZone, await this.files.calendarFacts(scheduledAt));
      refuseUnless(decideSchedule({ status: record.status, missing, forbidden, scheduledAt, now: this.clock.now() }));

      const firstTime = record.status !== 'scheduled';
      Object.assign(record, { status: 'scheduled', scheduledAt, version: record.version + 1 });
      const saved = await this.repository.save(record);
      if (firstTime) {
        const local = toLocalDateTime(scheduledAt, this.clock.timeZone);
        await this.moveHousehold(
          record.householdId,
          {
            status: 'enforcement_pending',
            from: 'objecting',
            reason:
              `Cưỡng chế thu hồi đất theo Quyết định số ${record.decisionNo} ngày ${viDate(record.decisionIssuedOn)}; ` +
              `dự kiến thực hiện lúc ${local.time} ngày ${viDate(local.date)} (${ENFORCEMENT_LEGAL_BASIS})`,
            evidence: evidenceOf(record),
          },
          actor,
        );
      }
      return { record: saved, visits: file.visits, missing: [], evidence: file.evidence };
    });
  }

  /**
   * The household complies during enforcement: it goes back to `agreed`, and must hand over the site
   * within the period of the `enforcement.compliance-handover` rule (30 days, LL2024 art. 89(4)).
   */
  comply(
    id: string,
    input: ComplyEnforcementDto,
    actor: Actor,
    expected: number | undefined,
  ): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const record = await this.records.lock(id, expected);
      refuseUnless(decideOutcome(record.status));
      const errors = outcomeDateErrors('compliedOn', input.compliedOn, record.decisionIssuedOn, this.clock.today());
      if (Object.keys(errors).length) throw new EnforcementInputError(errors);
      const due = await this.calendar.dueDate('enforcement.compliance-handover', input.compliedOn);

      Object.assign(record, {
        status: 'complied',
        compliedOn: input.compliedOn,
        handoverDueOn: due.dueOn,
        handoverDueBasis: due.legalBasis,
        outcome: input.outcome ?? null,
        version: record.version + 1,
      });
      const saved = await this.repository.save(record);
      await this.moveHousehold(
        record.householdId,
        {
          status: 'agreed',
          from: 'enforcement_pending',
          reason:
            `Hộ chấp hành Quyết định cưỡng chế số ${record.decisionNo} ngày ${viDate(input.compliedOn)}; ` +
            `bàn giao mặt bằng chậm nhất ngày ${viDate(due.dueOn)} (${due.legalBasis})`,
          evidence: [{ kind: 'decision', reference: record.decisionNo }],
        },
        actor,
      );
      const plans = planHandoverDeadline(
        {
          enforcementRecordId: record.id,
          projectId: record.projectId,
          householdId: record.householdId,
          administrativeUnitId: await this.projects.primaryUnitOf(record.projectId),
          decisionNo: record.decisionNo,
          compliedOn: input.compliedOn,
          dueOn: due.dueOn,
          legalBasis: due.legalBasis,
        },
        this.clock.now(),
        this.clock.timeZone,
      );
      await this.reminders.replace(
        handoverKeys.household(record.householdId),
        plans,
        'Hạn bàn giao mặt bằng đã thay đổi',
      );
      return this.records.view(saved);
    });
  }

  /** Enforcement carried out: the site is recovered and the household is `handed_over` (enforced). */
  execute(
    id: string,
    input: ExecuteEnforcementDto,
    actor: Actor,
    expected: number | undefined,
  ): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const record = await this.records.lock(id, expected);
      refuseUnless(decideOutcome(record.status));
      const scheduledOn = toLocalDateTime(record.scheduledAt as Date, this.clock.timeZone).date;
      const errors = outcomeDateErrors('handedOverOn', input.handedOverOn, scheduledOn, this.clock.today());
      if (Object.keys(errors).length) throw new EnforcementInputError(errors);

      Object.assign(record, {
        status: 'executed',
        handedOverOn: input.handedOverOn,
        outcome: input.outcome ?? null,
        version: record.version + 1,
      });
      const saved = await this.repository.save(record);
      await this.moveHousehold(
        record.householdId,
        {
          status: 'handed_over',
          from: 'enforcement_pending',
          handoverMode: 'enforced',
          handedOverOn: input.handedOverOn,
          reason: `Cưỡng chế thu hồi đất theo Quyết định số ${record.decisionNo}; bàn giao mặt bằng ngày ${viDate(input.handedOverOn)}`,
          evidence: [{ kind: 'decision', reference: record.decisionNo }],
        },
        actor,
      );
      await this.reminders.cancel({ prefix: handoverKeys.household(record.householdId) }, 'Đã bàn giao mặt bằng');
      return this.records.view(saved);
    });
  }

  /** Abandons a record not yet scheduled (once scheduled, it ends by compliance or execution). */
  cancel(id: string, input: CancelEnforcementDto, expected: number | undefined): Promise<EnforcementView> {
    return this.tx.run(async () => {
      const record = await this.records.lock(id, expected);
      refuseUnless(decideEdit(record.status));
      Object.assign(record, { status: 'cancelled', cancelReason: input.reason, version: record.version + 1 });
      return this.records.view(await this.repository.save(record));
    });
  }

  /**
   * Moves the household along with the record, in its transaction. Only this service moves a
   * household into and out of enforcement_pending: it has checked LL2024 art. 89's preconditions.
   */
  private moveHousehold(householdId: string, move: ConsentTransitionDto, actor: Actor): Promise<unknown> {
    return this.households.transition(householdId, move, actor, undefined, { viaEnforcement: true });
  }
}

/** The decision and the persuasion it rests on, as evidence on the household's history row. */
function evidenceOf(record: EnforcementRecord): EvidenceDto[] {
  return [
    { kind: 'decision', reference: record.decisionNo },
    ...record.persuasionAttestations.map(({ visitId, by }) => ({
      kind: 'visit',
      reference: visitId,
      note: by === 'ward' ? 'Vận động của tổ công tác phường' : 'Vận động của Mặt trận Tổ quốc',
    })),
    ...(record.dialogueSessionId ? [{ kind: 'dialogue_session', reference: record.dialogueSessionId }] : []),
    ...record.preconditionEvidence.map(({ precondition, evidenceId }) => ({
      kind: 'evidence_file',
      reference: evidenceId,
      note: precondition,
    })),
  ];
}
