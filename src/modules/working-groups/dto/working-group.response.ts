import { ApiProperty } from '@nestjs/swagger';
import type { HouseholdAssignment } from '../household-assignment.entity.js';
import type { WorkingGroupMember } from '../working-group-member.entity.js';
import type { GroupWithMembers } from '../working-groups.service.js';

export class MembershipResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() joinedAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'Null while a member' }) leftAt: Date | null;

  static from(member: WorkingGroupMember): MembershipResponse {
    return { userId: member.userId, joinedAt: member.joinedAt, leftAt: member.leftAt };
  }
}

export class WorkingGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leaderId: string | null;
  @ApiProperty({ nullable: true, type: Date }) disbandedAt: Date | null;
  @ApiProperty({ type: [MembershipResponse], description: 'Current members' }) members: MembershipResponse[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from({ group, members }: GroupWithMembers): WorkingGroupResponse {
    return {
      id: group.id,
      projectId: group.projectId,
      name: group.name,
      leaderId: group.leaderId,
      disbandedAt: group.disbandedAt,
      members: members.map((member) => MembershipResponse.from(member)),
      version: group.version,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  }
}

export class WorkingGroupListResponse {
  @ApiProperty({ type: [WorkingGroupResponse] }) items: WorkingGroupResponse[];
}

export class MembershipListResponse {
  @ApiProperty({ type: [MembershipResponse], description: 'Every membership, past ones included' })
  items: MembershipResponse[];
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leadOfficerId: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'Null while current' }) endedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() assignedBy: string;
  @ApiProperty({ nullable: true, type: String }) endedBy: string | null;

  static from(row: HouseholdAssignment): AssignmentResponse {
    return {
      id: row.id,
      householdId: row.householdId,
      workingGroupId: row.workingGroupId,
      leadOfficerId: row.leadOfficerId,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      reason: row.reason,
      assignedBy: row.assignedBy,
      endedBy: row.endedBy,
    };
  }
}

export class AssignmentListResponse {
  @ApiProperty({ type: [AssignmentResponse] }) items: AssignmentResponse[];
}
