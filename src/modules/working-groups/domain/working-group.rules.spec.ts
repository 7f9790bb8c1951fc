import {
  planAssignment,
  refuseChangeOf,
  refuseLeadOfficer,
  refuseLeader,
  refuseLeaving,
} from './working-group.rules.js';

const group = { disbanded: false, leaderId: 'lan', memberIds: ['lan', 'minh'] };

describe('working group rules', () => {
  it('should plan nothing for an assignment that is already so', () => {
    expect(
      planAssignment({ workingGroupId: 'g1', leadOfficerId: 'lan' }, { workingGroupId: 'g1', leadOfficerId: 'lan' }),
    ).toEqual({
      end: false,
      start: false,
    });
    expect(planAssignment(null, null)).toEqual({ end: false, start: false });
  });

  it('should end and start on a reassignment or a new lead officer, and only start or end otherwise', () => {
    expect(
      planAssignment({ workingGroupId: 'g1', leadOfficerId: null }, { workingGroupId: 'g2', leadOfficerId: null }),
    ).toEqual({
      end: true,
      start: true,
    });
    expect(
      planAssignment({ workingGroupId: 'g1', leadOfficerId: null }, { workingGroupId: 'g1', leadOfficerId: 'minh' }),
    ).toEqual({
      end: true,
      start: true,
    });
    expect(planAssignment(null, { workingGroupId: 'g1', leadOfficerId: null })).toEqual({ end: false, start: true });
    expect(planAssignment({ workingGroupId: 'g1', leadOfficerId: null }, null)).toEqual({ end: true, start: false });
  });

  it('should keep leaders and lead officers among the members', () => {
    expect(refuseLeader('lan', group.memberIds)).toBeNull();
    expect(refuseLeader(null, [])).toBeNull();
    expect(refuseLeader('hoa', group.memberIds)?.code).toBe('LEADER_NOT_MEMBER');
    expect(refuseLeadOfficer('minh', group.memberIds)).toBeNull();
    expect(refuseLeadOfficer('hoa', group.memberIds)?.code).toBe('LEAD_OFFICER_NOT_MEMBER');
  });

  it('should let a member leave unless they lead the group or households of it', () => {
    expect(refuseLeaving(group, 'minh', 0)).toBeNull();
    expect(refuseLeaving(group, 'lan', 0)?.code).toBe('LEADER_CANNOT_LEAVE');
    expect(refuseLeaving(group, 'minh', 2)?.code).toBe('MEMBER_LEADS_HOUSEHOLDS');
  });

  it('should freeze a disbanded group', () => {
    expect(refuseChangeOf(group)).toBeNull();
    expect(refuseChangeOf({ ...group, disbanded: true })?.code).toBe('WORKING_GROUP_DISBANDED');
  });
});
