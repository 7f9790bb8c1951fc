import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { Principal } from '../access/principal.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectScopes } from '../projects/project-scopes.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { UsersService } from '../users/users.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import {
  type GroupFacts,
  planAssignment,
  refuseChangeOf,
  refuseLeader,
  refuseLeadOfficer,
  refuseLeaving,
  type GroupRefusal,
} from './domain/working-group.rules.js';
import type { HouseholdAssignment } from './household-assignment.entity.js';
import type { WorkingGroupMember } from './working-group-member.entity.js';
import type { WorkingGroup } from './working-group.entity.js';
import {
  HouseholdsNotInGroupProjectError,
  MembersOutOfScopeError,
  WorkingGroupChangeRefusedError,
} from './working-groups.errors.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';

export interface GroupWithMembers {
  group: WorkingGroup;
  members: WorkingGroupMember[];
}

export interface GroupInput {
  name: string;
  leaderId?: string | null;
  memberIds?: string[];
}

export interface AssignmentInput {
  householdIds: string[];
  leadOfficerId?: string | null;
  reason?: string;
}

const refuse = (refusal: GroupRefusal | null, details?: Record<string, unknown>) => {
  if (refusal) throw new WorkingGroupChangeRefusedError(refusal, details);
};

/**
 * Working groups (tổ công tác) of a project: members over time, and the households each group is
 * responsible for over time (at most one group per household, with an optional lead officer).
 */
@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly groups: WorkingGroupsRepository,
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly scopes: ProjectScopes,
    private readonly users: UsersService,
    private readonly visits: VisitsService,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  @ResolvesScope('workingGroup')
  async locate(id: string): Promise<RecordLocation | null> {
    const projectId = await this.groups.projectOf(id);
    return projectId ? { projectIds: [projectId] } : null;
  }

  async create(projectId: string, input: GroupInput): Promise<GroupWithMembers> {
    await this.projects.assertExists(projectId);
    const leaderId = input.leaderId ?? null;
    const memberIds = unique([...(input.memberIds ?? []), ...(leaderId ? [leaderId] : [])]);
    await this.assertCanWorkOn(projectId, memberIds, 'memberIds');
    return this.tx.run(async () => {
      const group = await this.groups.insert({ projectId, name: input.name.trim(), leaderId });
      await this.groups.addMembers(group.id, memberIds, this.clock.now());
      return { group, members: await this.groups.currentMembers([group.id]) };
    });
  }

  /** A project's groups; an officer sees only the groups they belong to. */
  async list(projectId: string, principal: Principal, includeDisbanded: boolean): Promise<GroupWithMembers[]> {
    await this.projects.assertExists(projectId);
    const memberId = principal.type === 'user' && principal.role === 'officer' ? principal.id : undefined;
    const groups = await this.groups.listInProject(projectId, { memberId, includeDisbanded });
    const members = await this.groups.currentMembers(groups.map((group) => group.id));
    return groups.map((group) => ({ group, members: members.filter((m) => m.workingGroupId === group.id) }));
  }

  async get(id: string): Promise<GroupWithMembers> {
    const group = await this.groups.findById(id);
    if (!group) throw new NotFoundError('WorkingGroup', id);
    return { group, members: await this.groups.currentMembers([id]) };
  }

  /** Every membership, past ones included. */
  async memberships(id: string): Promise<WorkingGroupMember[]> {
    await this.get(id);
    return this.groups.memberships(id);
  }

  async update(
    id: string,
    input: Partial<Pick<GroupInput, 'name' | 'leaderId'>>,
    expected: number | undefined,
  ): Promise<GroupWithMembers> {
    return this.change(id, expected, (group, memberIds) => {
      if (input.leaderId !== undefined) {
        refuse(refuseLeader(input.leaderId, memberIds));
        group.leaderId = input.leaderId;
      }
      if (input.name !== undefined) group.name = input.name.trim();
    });
  }

  async addMember(id: string, userId: string): Promise<GroupWithMembers> {
    return this.change(id, undefined, async (group, memberIds) => {
      if (memberIds.includes(userId)) return;
      await this.assertCanWorkOn(group.projectId, [userId], 'userId');
      await this.groups.addMembers(id, [userId], this.clock.now());
    });
  }

  async removeMember(id: string, userId: string): Promise<GroupWithMembers> {
    return this.change(id, undefined, async (group, memberIds) => {
      if (!memberIds.includes(userId)) throw new NotFoundError('WorkingGroupMember', userId);
      refuse(refuseLeaving(facts(group, memberIds), userId, await this.groups.countLedBy(id, userId)));
      await this.groups.endMemberships(id, [userId], this.clock.now());
    });
  }

  /** Ends every membership and every responsibility of the group; the group stays, frozen. */
  async disband(id: string, actor: Actor): Promise<GroupWithMembers> {
    return this.change(id, undefined, async (group) => {
      const now = this.clock.now();
      const assignments = await this.groups.assignmentsOfGroup(id);
      // Households before their records, as everywhere: lock them in id order.
      for (const householdId of assignments.map((a) => a.householdId).sort())
        await this.households.lockLive(householdId);
      await this.groups.endAssignments(assignments, now, actor.name);
      await this.groups.endMemberships(id, 'all', now);
      group.disbandedAt = now;
    });
  }

  /**
   * Makes the group responsible for these households (taking them from any other group), with a
   * lead officer from its members. All or nothing; a household already so assigned is unchanged.
   */
  async assign(id: string, input: AssignmentInput, actor: Actor): Promise<HouseholdAssignment[]> {
    return this.tx.run(async () => {
      const group = await this.lockGroup(id);
      const memberIds = await this.memberIdsOf(id);
      refuse(refuseChangeOf(facts(group, memberIds)));
      const leadOfficerId = input.leadOfficerId ?? null;
      refuse(refuseLeadOfficer(leadOfficerId, memberIds));
      const householdIds = unique(input.householdIds).sort();
      const live = await this.households.findIdsInProject(group.projectId, householdIds);
      const outside = householdIds.filter((householdId) => !live.includes(householdId));
      if (outside.length) throw new HouseholdsNotInGroupProjectError(outside);
      await this.reassign(householdIds, group.projectId, { workingGroupId: id, leadOfficerId }, input.reason, actor);
      return this.groups.currentAssignments(householdIds);
    });
  }

  /** Leaves a household without a responsible group. */
  async unassign(householdId: string, reason: string | undefined, actor: Actor): Promise<void> {
    await this.tx.run(async () => {
      const household = await this.households.lockLive(householdId);
      await this.reassign([householdId], household.projectId, null, reason, actor);
    });
  }

  async householdsOf(id: string): Promise<HouseholdAssignment[]> {
    await this.get(id);
    return this.groups.assignmentsOfGroup(id);
  }

  /** Visits the group's current members were on, in its project, latest first. */
  async visitsOf(id: string, page: { limit: number; offset: number }): Promise<[Visit[], number]> {
    const { group, members } = await this.get(id);
    if (members.length === 0) return [[], 0];
    return this.visits.listInProject(group.projectId, { officerIds: members.map((m) => m.userId), ...page });
  }

  /** The name of the group responsible for each of these households now. */
  currentGroupNames(householdIds: readonly string[]): Promise<Map<string, string>> {
    return this.groups.currentGroupNames(householdIds);
  }

  /** Households the user's groups are responsible for, now. */
  householdsOfMember(userId: string): Promise<Array<{ householdId: string; projectId: string }>> {
    return this.groups.householdsOfMember(userId);
  }

  async history(householdId: string): Promise<HouseholdAssignment[]> {
    await this.households.assertExists(householdId);
    return this.groups.history(householdId);
  }

  private async reassign(
    householdIds: readonly string[],
    projectId: string,
    target: { workingGroupId: string; leadOfficerId: string | null } | null,
    reason: string | undefined,
    actor: Actor,
  ): Promise<void> {
    for (const householdId of householdIds) await this.households.lockLive(householdId);
    const now = this.clock.now();
    const current = new Map((await this.groups.currentAssignments(householdIds)).map((a) => [a.householdId, a]));
    const ending: HouseholdAssignment[] = [];
    const starting: Array<Partial<HouseholdAssignment>> = [];
    for (const householdId of householdIds) {
      const existing = current.get(householdId) ?? null;
      const plan = planAssignment(existing, target);
      if (plan.end && existing) ending.push(existing);
      if (plan.start && target) {
        starting.push({
          householdId,
          projectId,
          ...target,
          startedAt: now,
          endedAt: null,
          reason: reason ?? null,
          assignedBy: actor.name,
          assignedById: actor.id,
        });
      }
    }
    // Ended first: the unique index allows one current row per household.
    await this.groups.endAssignments(ending, now, actor.name);
    await this.groups.insertAssignments(starting);
  }

  /** Locks the group, refuses a frozen one, applies `apply`, bumps the version, saves. */
  private async change(
    id: string,
    expected: number | undefined,
    apply: (group: WorkingGroup, memberIds: string[]) => Promise<void> | void,
  ): Promise<GroupWithMembers> {
    return this.tx.run(async () => {
      const group = await this.lockGroup(id);
      assertVersion('WorkingGroup', group, expected);
      const memberIds = await this.memberIdsOf(id);
      refuse(refuseChangeOf(facts(group, memberIds)));
      await apply(group, memberIds);
      group.version += 1;
      const saved = await this.groups.save(group);
      return { group: saved, members: await this.groups.currentMembers([id]) };
    });
  }

  private async lockGroup(id: string): Promise<WorkingGroup> {
    const group = await this.groups.findByIdForUpdate(id);
    if (!group) throw new NotFoundError('WorkingGroup', id);
    return group;
  }

  private async memberIdsOf(id: string): Promise<string[]> {
    return (await this.groups.currentMembers([id])).map((member) => member.userId);
  }

  /** Each user is an active account whose wards hold the project. */
  private async assertCanWorkOn(projectId: string, userIds: readonly string[], field: string): Promise<void> {
    const accounts = await this.users.findActiveIdentities(userIds);
    const outside = await this.scopes.cannotWorkOn(projectId, userIds, accounts);
    if (outside.length) throw new MembersOutOfScopeError(field, outside);
  }
}

function facts(group: WorkingGroup, memberIds: readonly string[]): GroupFacts {
  return { disbanded: group.disbandedAt !== null, leaderId: group.leaderId, memberIds };
}

const unique = (ids: readonly string[]) => [...new Set(ids)];
