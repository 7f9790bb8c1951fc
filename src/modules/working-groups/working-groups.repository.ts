import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { HouseholdAssignment } from './household-assignment.entity.js';
import { WorkingGroupMember } from './working-group-member.entity.js';
import { WorkingGroup } from './working-group.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class WorkingGroupsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<WorkingGroup | null> {
    return this.manager.findOneBy(WorkingGroup, { id });
  }

  findByIdForUpdate(id: string): Promise<WorkingGroup | null> {
    return this.manager.findOne(WorkingGroup, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async projectOf(id: string): Promise<string | null> {
    const rows: Array<{ project_id: string }> = await this.manager.query(
      `SELECT project_id FROM working_groups WHERE id = $1`,
      [id],
    );
    return rows[0]?.project_id ?? null;
  }

  /** A project's groups by name; only those `memberId` belongs to (now) when given. */
  listInProject(projectId: string, options: { memberId?: string; includeDisbanded: boolean }): Promise<WorkingGroup[]> {
    const builder = this.manager
      .createQueryBuilder(WorkingGroup, 'g')
      .where('g.project_id = :projectId', { projectId })
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC');
    if (!options.includeDisbanded) builder.andWhere('g.disbanded_at IS NULL');
    if (options.memberId) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM working_group_members m
                  WHERE m.working_group_id = g.id AND m.user_id = :memberId AND m.left_at IS NULL)`,
        { memberId: options.memberId },
      );
    }
    return builder.getMany();
  }

  save(group: WorkingGroup): Promise<WorkingGroup> {
    return this.manager.save(WorkingGroup, group);
  }

  insert(group: Partial<WorkingGroup>): Promise<WorkingGroup> {
    return this.manager.save(WorkingGroup, this.manager.create(WorkingGroup, group));
  }

  /** Current members of each group, oldest membership first. */
  async currentMembers(groupIds: readonly string[]): Promise<WorkingGroupMember[]> {
    if (groupIds.length === 0) return [];
    return this.manager.find(WorkingGroupMember, {
      where: { workingGroupId: In([...groupIds]), leftAt: IsNull() },
      order: { seq: 'ASC' },
    });
  }

  /** Every membership of a group, past ones included, in the order they began. */
  memberships(groupId: string): Promise<WorkingGroupMember[]> {
    return this.manager.find(WorkingGroupMember, {
      where: { workingGroupId: groupId },
      order: { seq: 'ASC' },
    });
  }

  async addMembers(groupId: string, userIds: readonly string[], at: Date): Promise<void> {
    if (userIds.length === 0) return;
    await this.manager.insert(
      WorkingGroupMember,
      userIds.map((userId) => ({ workingGroupId: groupId, userId, joinedAt: at, leftAt: null })),
    );
  }

  async endMemberships(groupId: string, userIds: readonly string[] | 'all', at: Date): Promise<void> {
    const current = await this.manager.find(WorkingGroupMember, {
      where: { workingGroupId: groupId, leftAt: IsNull(), ...(userIds === 'all' ? {} : { userId: In([...userIds]) }) },
    });
    for (const member of current) member.leftAt = at;
    if (current.length) await this.manager.save(WorkingGroupMember, current);
  }

  /** The current responsibilities for these households (one each at most). */
  currentAssignments(householdIds: readonly string[]): Promise<HouseholdAssignment[]> {
    if (householdIds.length === 0) return Promise.resolve([]);
    return this.manager.find(HouseholdAssignment, {
      where: { householdId: In([...householdIds]), endedAt: IsNull() },
    });
  }

  /** The name of the group responsible for each of these households now, by household. */
  async currentGroupNames(householdIds: readonly string[]): Promise<Map<string, string>> {
    if (householdIds.length === 0) return new Map();
    const rows: Array<{ household_id: string; name: string }> = await this.manager.query(
      `SELECT a.household_id, g.name FROM household_assignments a JOIN working_groups g ON g.id = a.working_group_id
        WHERE a.household_id = ANY($1::uuid[]) AND a.ended_at IS NULL`,
      [householdIds],
    );
    return new Map(rows.map((row) => [row.household_id, row.name]));
  }

  /** The households a group is responsible for now, by when they were assigned. */
  assignmentsOfGroup(groupId: string): Promise<HouseholdAssignment[]> {
    return this.manager.find(HouseholdAssignment, {
      where: { workingGroupId: groupId, endedAt: IsNull() },
      order: { seq: 'ASC' },
    });
  }

  countLedBy(groupId: string, userId: string): Promise<number> {
    return this.manager.countBy(HouseholdAssignment, {
      workingGroupId: groupId,
      leadOfficerId: userId,
      endedAt: IsNull(),
    });
  }

  history(householdId: string): Promise<HouseholdAssignment[]> {
    return this.manager.find(HouseholdAssignment, {
      where: { householdId },
      order: { seq: 'ASC' },
    });
  }

  async endAssignments(assignments: HouseholdAssignment[], at: Date, by: string): Promise<void> {
    for (const assignment of assignments) {
      assignment.endedAt = at;
      assignment.endedBy = by;
    }
    if (assignments.length) await this.manager.save(HouseholdAssignment, assignments);
  }

  async insertAssignments(rows: Array<Partial<HouseholdAssignment>>): Promise<void> {
    if (rows.length) await this.manager.insert(HouseholdAssignment, rows);
  }

  /** The households the groups `userId` belongs to now are responsible for now. */
  async householdsOfMember(userId: string): Promise<Array<{ householdId: string; projectId: string }>> {
    const rows: Array<{ household_id: string; project_id: string }> = await this.manager.query(
      `SELECT a.household_id, a.project_id FROM household_assignments a
       JOIN working_group_members m ON m.working_group_id = a.working_group_id AND m.left_at IS NULL
       WHERE m.user_id = $1 AND a.ended_at IS NULL`,
      [userId],
    );
    return rows.map((row) => ({ householdId: row.household_id, projectId: row.project_id }));
  }

  /** Per lead officer, the households of the project they lead now. */
  async householdsLedInProject(projectId: string): Promise<Map<string, string[]>> {
    const rows = await this.manager.find(HouseholdAssignment, {
      select: { householdId: true, leadOfficerId: true },
      where: { projectId, endedAt: IsNull() },
    });
    const led = new Map<string, string[]>();
    for (const row of rows) {
      if (!row.leadOfficerId) continue;
      led.set(row.leadOfficerId, [...(led.get(row.leadOfficerId) ?? []), row.householdId]);
    }
    return led;
  }
}
