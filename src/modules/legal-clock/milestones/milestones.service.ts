import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.js';
import type { Actor } from '../../../common/request-context.js';
import { TransactionHost } from '../../../database/transaction-host.js';
import { EventBus } from '../../../events/event-bus.service.js';
import { HouseholdsService } from '../../households/households.service.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { LegalCalendarService } from '../legal-calendar.service.js';
import {
  type DerivedDeadline,
  deriveDeadlines,
  handoverWarnings,
  type MilestoneWarning,
  isDeadlineMet,
} from './domain/milestone-deadlines.js';
import type { CreateMilestoneDto } from './dto/create-milestone.dto.js';
import type { LegalMilestone } from './legal-milestone.entity.js';
import { MilestoneHouseholdNotInProjectError, MilestoneInFutureError } from './milestones.errors.js';
import { MilestonesRepository } from './milestones.repository.js';

export interface MilestoneWithDeadlines {
  milestone: LegalMilestone;
  deadlines: DerivedDeadline[];
  warnings: MilestoneWarning[];
}

/** One deadline a milestone set running, for reminders. */
export interface MilestoneDeadline extends DerivedDeadline {
  milestoneId: string;
  projectId: string;
  householdId: string | null;
  milestoneKind: LegalMilestone['kind'];
}

/**
 * Legal milestones. Their deadlines are derived when read, from the rules and calendar as they are
 * then: an edited rule needs no recomputation here.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly milestones: MilestonesRepository,
    private readonly calendar: LegalCalendarService,
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly tx: TransactionHost,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async record(projectId: string, input: CreateMilestoneDto, actor: Actor): Promise<MilestoneWithDeadlines> {
    await this.projects.assertExists(projectId);
    const today = this.clock.today();
    if (input.occurredOn > today) throw new MilestoneInFutureError(input.occurredOn, today);
    if (input.householdId) {
      const live = await this.households.findIdsInProject(projectId, [input.householdId]);
      if (!live.length) throw new MilestoneHouseholdNotInProjectError(input.householdId);
    }
    const milestone = await this.tx.run(async () => {
      const inserted = await this.milestones.insert({
        projectId,
        householdId: input.householdId ?? null,
        kind: input.kind,
        occurredOn: input.occurredOn,
        landKind: input.kind === 'recovery_notice_sent' ? (input.landKind ?? null) : null,
        note: input.note ?? null,
        recordedBy: actor.name,
        recordedById: actor.id,
      });
      await this.events.publish('legal-milestone.recorded', {
        milestoneId: inserted.id,
        projectId,
        householdId: inserted.householdId,
      });
      return inserted;
    });
    const all = await this.list(projectId, {});
    return all.find((entry) => entry.milestone.id === milestone.id)!;
  }

  async list(
    projectId: string,
    filter: { flagged?: boolean; householdId?: string },
  ): Promise<MilestoneWithDeadlines[]> {
    await this.projects.assertExists(projectId);
    const [milestones, snapshot] = await Promise.all([this.milestones.ofProject(projectId), this.calendar.snapshot()]);
    const warnings = handoverWarnings(milestones);
    return milestones
      .map((milestone) => ({
        milestone,
        deadlines: deriveDeadlines(milestone, snapshot.rules, snapshot.holidays),
        warnings: warnings.get(milestone.id) ?? [],
      }))
      .filter((entry) => filter.flagged === undefined || entry.warnings.length > 0 === filter.flagged)
      .filter((entry) => !filter.householdId || entry.milestone.householdId === filter.householdId);
  }

  /**
   * The deadlines a project's milestones have set running and nobody has met yet (a payment on file
   * meets the payment deadline), by milestone; every milestone of the project is a key.
   */
  async openDeadlinesOfProject(projectId: string): Promise<Map<string, MilestoneDeadline[]>> {
    const [milestones, snapshot] = await Promise.all([this.milestones.ofProject(projectId), this.calendar.snapshot()]);
    return new Map(
      milestones.map((milestone) => [
        milestone.id,
        deriveDeadlines(milestone, snapshot.rules, snapshot.holidays)
          .filter((deadline) => !isDeadlineMet(deadline.ruleCode, milestone, milestones))
          .map((deadline) => ({
            ...deadline,
            milestoneId: milestone.id,
            projectId: milestone.projectId,
            householdId: milestone.householdId,
            milestoneKind: milestone.kind,
          })),
      ]),
    );
  }

  /** Projects that have milestones. */
  projectsWithMilestones(): Promise<string[]> {
    return this.milestones.projectIds();
  }
}
