import type { EntityManager } from 'typeorm';
import { HouseholdAssignment } from '../modules/working-groups/household-assignment.entity.js';
import { WorkingGroupMember } from '../modules/working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../modules/working-groups/working-group.entity.js';

/** The working groups of the demo: who leads, who is in, which project's households they carry. */
const DEMO_GROUPS = [
  {
    projectCode: 'TK-MUONG-2012',
    name: 'Tổ công tác GPMB mương Thụy Khuê',
    leader: 'chutich.tayho@demo.gpmb.vn',
    members: ['canbo.tayho@demo.gpmb.vn'],
    leadOfficer: 'canbo.tayho@demo.gpmb.vn',
  },
  {
    projectCode: 'NTL-GD3',
    name: 'Tổ công tác số 1 phường Phú Thượng',
    leader: 'canbo.phuthuong@demo.gpmb.vn',
    members: [],
    leadOfficer: 'canbo.phuthuong@demo.gpmb.vn',
  },
] as const;

/**
 * Forms the demo's working groups with the demo accounts and makes each responsible for every
 * household of its project not yet handed over, so an officer's agenda shows real work from the
 * first sign-in. Returns how many groups and assignments it wrote.
 */
export async function insertDemoGroups(em: EntityManager, now: Date): Promise<{ groups: number; assignments: number }> {
  const users: Array<{ id: string; email: string; full_name: string }> = await em.query(
    `SELECT id, email, full_name FROM users WHERE email = ANY($1)`,
    [[...new Set(DEMO_GROUPS.flatMap((g) => [g.leader, ...g.members]))]],
  );
  const userId = new Map(users.map((user) => [user.email, user.id]));
  let groups = 0;
  let assignments = 0;
  for (const seed of DEMO_GROUPS) {
    const [project] = await em.query<Array<{ id: string }>>(`SELECT id FROM projects WHERE code = $1`, [
      seed.projectCode,
    ]);
    const leaderId = userId.get(seed.leader);
    if (!project || !leaderId) continue;
    const group = await em.save(
      WorkingGroup,
      em.create(WorkingGroup, { projectId: project.id, name: seed.name, leaderId }),
    );
    groups += 1;
    const memberIds = [leaderId, ...seed.members.flatMap((email) => userId.get(email) ?? [])];
    await em.insert(
      WorkingGroupMember,
      memberIds.map((id) => ({ workingGroupId: group.id, userId: id, joinedAt: now, leftAt: null })),
    );
    const households = await em.query<Array<{ id: string }>>(
      `SELECT id FROM households WHERE project_id = $1 AND archived_at IS NULL AND status <> 'handed_over' ORDER BY code`,
      [project.id],
    );
    if (households.length === 0) continue;
    await em.insert(
      HouseholdAssignment,
      households.map((household) => ({
        householdId: household.id,
        projectId: project.id,
        workingGroupId: group.id,
        leadOfficerId: userId.get(seed.leadOfficer) ?? null,
        startedAt: now,
        endedAt: null,
        reason: 'Phân công khi lập tổ công tác',
        assignedBy: 'demo',
        assignedById: null,
      })),
    );
    assignments += households.length;
  }
  return { groups, assignments };
}
