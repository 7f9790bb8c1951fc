import { addDays } from '../../common/time/civil-date.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { type Actor, SYSTEM_ACTOR } from '../../common/request-context.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { EventBus } from '../../events/event-bus.service.js';
import type { DeadlineRule } from '../legal-clock/deadline-rule.entity.js';
import { LegalCalendarService } from '../legal-clock/legal-calendar.service.js';
import type { ComplaintEvent } from './complaint-event.entity.js';
import type { Complaint } from './complaint.entity.js';
import {
  ComplaintHouseholdArchivedError,
  ComplaintReceivedInFutureError,
  ComplaintStepRefusedError,
} from './complaints.errors.js';
import { ComplaintsRepository } from './complaints.repository.js';
import type { ComplaintAction, ComplaintEventKind, ComplaintStatus } from './domain/complaint-status.js';
import { decideComplaintStep, resolveRuleCode } from './domain/complaint.rules.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ComplaintWithHistory {
  complaint: Complaint;
  history: ComplaintEvent[];
}

/** A step of a complaint's life as the controller hands it over. */
export interface ComplaintStepInput {
  action: ComplaintAction;
  /** The legal day of the step; today when omitted. */
  on?: string;
  note?: string;
  decision?: string;
  complex?: boolean;
  remoteArea?: boolean;
  newResolveDueOn?: string;
  legalBasis?: string;
  escalatedTo?: string;
}

const EVENT_OF: Record<ComplaintAction, ComplaintEventKind> = {
  accept: 'accepted',
  extend: 'extended',
  escalate: 'escalated',
  resolve: 'resolved',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

/**
 * Complaints (Luật Khiếu nại 2011): received → accepted within 10 days → resolved within 30/45/60;
 * rejected or withdrawn at any open point. Due dates come from the legal calendar and are stored
 * with the rule and the day they count from, so an edited rule can move them.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly complaints: ComplaintsRepository,
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly calendar: LegalCalendarService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async receive(householdId: string, input: CreateComplaintDto, actor: Actor): Promise<ComplaintWithHistory> {
    const { household } = await this.households.get(householdId);
    if (household.archivedAt) throw new ComplaintHouseholdArchivedError(householdId);
    const today = this.clock.today();
    if (input.receivedOn > today) throw new ComplaintReceivedInFutureError(input.receivedOn, today);
    const due = await this.calendar.dueDateIfActive('complaint.accept', input.receivedOn);
    return this.tx.run(async () => {
      const complaint = await this.complaints.insert({
        projectId: household.projectId,
        householdId,
        receivedOn: input.receivedOn,
        summary: input.summary,
        complainant: input.complainant,
        complex: input.complex ?? false,
        remoteArea: input.remoteArea ?? false,
        status: 'received',
        acceptRuleCode: 'complaint.accept',
        acceptDueFrom: input.receivedOn,
        acceptDueOn: due?.dueOn ?? null,
      });
      await this.complaints.appendEvent({
        complaintId: complaint.id,
        kind: 'received',
        occurredOn: input.receivedOn,
        at: this.clock.now(),
        actor: actor.name,
        actorId: actor.id,
        note: input.note ?? null,
        legalBasis: due?.legalBasis ?? null,
        newDueOn: due?.dueOn ?? null,
      });
      await this.announce(complaint);
      return { complaint, history: await this.complaints.history(complaint.id) };
    });
  }

  async listForHousehold(householdId: string, limit: number, offset: number): Promise<[Complaint[], number]> {
    await this.households.assertExists(householdId);
    return this.complaints.listForHousehold(householdId, limit, offset);
  }

  async listForProject(
    projectId: string,
    filter: { status?: ComplaintStatus[]; overdue?: boolean; dueWithinDays?: number; limit: number; offset: number },
  ): Promise<[Complaint[], number]> {
    await this.projects.assertExists(projectId);
    const today = this.clock.today();
    const { dueWithinDays, ...rest } = filter;
    const dueBy = dueWithinDays === undefined ? undefined : addDays(today, dueWithinDays);
    return this.complaints.listForProject(projectId, { ...rest, dueBy, today });
  }

  /** Open complaints whose next deadline (acceptance, then resolution) falls on or before `until`. */
  dueBy(projectIds: readonly string[], householdIds: readonly string[] | null, until: string): Promise<Complaint[]> {
    return this.complaints.dueBy(projectIds, householdIds, until);
  }

  async get(id: string): Promise<ComplaintWithHistory> {
    const complaint = await this.complaints.findById(id);
    if (!complaint) throw new NotFoundError('Complaint', id);
    return { complaint, history: await this.complaints.history(id) };
  }

  /** Where a complaint lies, for `@InScope('complaint')`. */
  @ResolvesScope('complaint')
  async locate(id: string): Promise<RecordLocation | null> {
    const complaint = await this.complaints.findById(id);
    return complaint ? { projectIds: [complaint.projectId], householdId: complaint.householdId } : null;
  }

  async step(
    id: string,
    input: ComplaintStepInput,
    actor: Actor,
    expected: number | undefined,
  ): Promise<ComplaintWithHistory> {
    const { complaint: before } = await this.get(id);
    // The resolution deadline is computed before the row is locked: the calendar reads on another
    // pooled connection, which must not be awaited while holding the lock.
    const complex = input.complex ?? before.complex;
    const remoteArea = input.remoteArea ?? before.remoteArea;
    const on = input.on ?? this.clock.today();
    const resolveRule = resolveRuleCode(complex, remoteArea);
    const resolveDue = input.action === 'accept' ? await this.calendar.dueDateIfActive(resolveRule, on) : null;

    return this.tx.run(async () => {
      const complaint = await this.complaints.findByIdForUpdate(id);
      if (!complaint) throw new NotFoundError('Complaint', id);
      assertVersion('Complaint', complaint, expected);
      const decision = decideComplaintStep(
        complaint,
        { action: input.action, on, newResolveDueOn: input.newResolveDueOn },
        this.clock.today(),
      );
      if (!decision.allowed) throw new ComplaintStepRefusedError(decision.code, decision.message, decision.details);

      const event: Partial<ComplaintEvent> = {
        complaintId: id,
        kind: EVENT_OF[input.action],
        occurredOn: on,
        at: this.clock.now(),
        actor: actor.name,
        actorId: actor.id,
        note: input.note ?? null,
      };
      switch (input.action) {
        case 'accept':
          Object.assign(complaint, {
            acceptedOn: on,
            complex,
            remoteArea,
            resolveRuleCode: resolveRule,
            resolveDueFrom: on,
            resolveDueOn: resolveDue?.dueOn ?? null,
            resolveDueSource: 'rule',
            resolveDueLegalBasis: resolveDue?.legalBasis ?? null,
          } satisfies Partial<Complaint>);
          Object.assign(event, { legalBasis: resolveDue?.legalBasis ?? null, newDueOn: resolveDue?.dueOn ?? null });
          break;
        case 'extend':
          Object.assign(event, {
            legalBasis: input.legalBasis,
            previousDueOn: complaint.resolveDueOn,
            newDueOn: input.newResolveDueOn,
          });
          Object.assign(complaint, {
            resolveDueOn: input.newResolveDueOn,
            resolveDueSource: 'extension',
            resolveDueLegalBasis: input.legalBasis,
          } satisfies Partial<Complaint>);
          break;
        case 'escalate':
          event.escalatedTo = input.escalatedTo;
          break;
        case 'resolve':
        case 'reject':
          Object.assign(complaint, { decidedOn: on, decision: input.decision ?? null } satisfies Partial<Complaint>);
          break;
        case 'withdraw':
          complaint.decidedOn = on;
          break;
      }
      complaint.status = decision.to;
      complaint.version += 1;
      const saved = await this.complaints.save(complaint);
      await this.complaints.appendEvent(event);
      await this.announce(saved);
      return { complaint: saved, history: await this.complaints.history(id) };
    });
  }

  /**
   * After `rule` changed: recounts the running deadlines computed with it from the day they counted
   * from. Extensions are kept (they are decisions, not rule output). Idempotent: a complaint whose
   * deadline already matches the rule is left alone.
   */
  async recomputeForRule(rule: DeadlineRule): Promise<number> {
    let moved = 0;
    for (const id of await this.complaints.idsUsingRule(rule.code)) {
      const before = await this.complaints.findById(id);
      if (!before) continue;
      const accepting = before.status === 'received';
      const from = accepting ? before.acceptDueFrom : before.resolveDueFrom;
      if (!from) continue;
      const due = await this.calendar.dueDateIfActive(rule.code, from);
      const changed = await this.tx.run(async () => {
        const complaint = await this.complaints.findByIdForUpdate(id);
        if (!complaint || complaint.status !== before.status) return false;
        const current = accepting ? complaint.acceptDueOn : complaint.resolveDueOn;
        const next = due?.dueOn ?? null;
        if (accepting ? complaint.acceptRuleCode !== rule.code : complaint.resolveDueSource !== 'rule') return false;
        if (current === next) return false;
        if (accepting) complaint.acceptDueOn = next;
        else Object.assign(complaint, { resolveDueOn: next, resolveDueLegalBasis: due?.legalBasis ?? null });
        complaint.version += 1;
        await this.complaints.save(complaint);
        await this.complaints.appendEvent({
          complaintId: id,
          kind: 'recomputed',
          occurredOn: this.clock.today(),
          at: this.clock.now(),
          actor: SYSTEM_ACTOR.name,
          actorId: null,
          note: `Quy tắc ${rule.code} thay đổi (${rule.offsetDays} ngày${rule.active ? '' : ', ngừng áp dụng'})`,
          legalBasis: rule.legalBasis,
          previousDueOn: current,
          newDueOn: next,
        });
        await this.announce(complaint);
        return true;
      });
      if (changed) moved += 1;
    }
    return moved;
  }

  /** Tells the reminders of the complaint (and anyone else) that its state or deadline changed. */
  private announce(complaint: Complaint): Promise<void> {
    return this.events.publish('complaint.changed', {
      complaintId: complaint.id,
      projectId: complaint.projectId,
      householdId: complaint.householdId,
      status: complaint.status,
    });
  }
}
