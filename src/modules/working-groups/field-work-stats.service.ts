import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { atLocalTime, type CivilDate } from '../../common/time/civil-date.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { UsersService } from '../users/users.service.js';
import { VisitsService } from '../visits/visits.service.js';
import { startOfWeek } from './domain/field-work.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';

export interface FieldWorkFigures {
  /** Visits in the week so far (Monday 00:00 local to now). */
  visitsThisWeek: number;
  /** Distinct households those visits reached. */
  householdsContactedThisWeek: number;
  /** Households in their care whose follow-up date has passed. */
  overdueFollowUps: number;
}

export interface FieldWorkStats {
  projectId: string;
  weekStartsOn: CivilDate;
  asOf: Date;
  groups: Array<FieldWorkFigures & { workingGroupId: string; name: string; households: number; members: number }>;
  /** Every officer (account) who visited this week or leads households of the project. */
  officers: Array<FieldWorkFigures & { userId: string; name: string; householdsLed: number }>;
}

/**
 * Who is doing the field work of a project: per working group (its current members' visits, the
 * households in its care) and per officer (their visits, the households they lead).
 */
@Injectable()
export class FieldWorkStatsService {
  constructor(
    private readonly groups: WorkingGroupsRepository,
    private readonly visits: VisitsService,
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async of(projectId: string): Promise<FieldWorkStats> {
    await this.projects.assertExists(projectId);
    const now = this.clock.now();
    const today = this.clock.today();
    const weekStartsOn = startOfWeek(today);
    const from = atLocalTime(weekStartsOn, '00:00', this.clock.timeZone);
    const groups = await this.groups.listInProject(projectId, { includeDisbanded: false });
    const members = await this.groups.currentMembers(groups.map((g) => g.id));
    const groupRows = [];
    for (const group of groups) {
      const memberIds = members.filter((m) => m.workingGroupId === group.id).map((m) => m.userId);
      const assigned = await this.groups.assignmentsOfGroup(group.id);
      const counts = await this.visits.countsForOfficers(projectId, memberIds, from, now);
      groupRows.push({
        workingGroupId: group.id,
        name: group.name,
        members: memberIds.length,
        households: assigned.length,
        visitsThisWeek: counts.visits,
        householdsContactedThisWeek: counts.households,
        overdueFollowUps: await this.households.countOverdue(
          assigned.map((a) => a.householdId),
          today,
        ),
      });
    }
    const byOfficer = new Map((await this.visits.countsByOfficer(projectId, from, now)).map((r) => [r.officerId, r]));
    const led = await this.groups.householdsLedInProject(projectId);
    const officerIds = [...new Set([...byOfficer.keys(), ...led.keys()])];
    const accounts = await this.users.findActiveIdentities(officerIds);
    const officers = [];
    for (const userId of officerIds) {
      const ledIds = led.get(userId) ?? [];
      officers.push({
        userId,
        name: accounts.find((account) => account.id === userId)?.fullName ?? '',
        visitsThisWeek: byOfficer.get(userId)?.visits ?? 0,
        householdsContactedThisWeek: byOfficer.get(userId)?.households ?? 0,
        householdsLed: ledIds.length,
        overdueFollowUps: await this.households.countOverdue(ledIds, today),
      });
    }
    officers.sort((a, b) => b.visitsThisWeek - a.visitsThisWeek || a.name.localeCompare(b.name, 'vi'));
    return { projectId, weekStartsOn, asOf: now, groups: groupRows, officers };
  }
}
