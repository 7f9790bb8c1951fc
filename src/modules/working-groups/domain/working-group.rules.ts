/**
 * The rules of working groups and their households, as pure functions of the facts: who is a member
 * now, which group is responsible for a household now, and what is asked.
 */

export type GroupRefusalCode =
  | 'WORKING_GROUP_DISBANDED'
  | 'LEAD_OFFICER_NOT_MEMBER'
  | 'LEADER_NOT_MEMBER'
  | 'LEADER_CANNOT_LEAVE'
  | 'MEMBER_LEADS_HOUSEHOLDS';

export interface GroupRefusal {
  code: GroupRefusalCode;
  message: string;
}

export interface GroupFacts {
  disbanded: boolean;
  leaderId: string | null;
  memberIds: readonly string[];
}

/** Why the group cannot be changed at all, if it cannot. */
export function refuseChangeOf(group: GroupFacts): GroupRefusal | null {
  return group.disbanded
    ? { code: 'WORKING_GROUP_DISBANDED', message: 'The working group was disbanded; its record is frozen' }
    : null;
}

/** A group's leader is one of its members. */
export function refuseLeader(leaderId: string | null, memberIds: readonly string[]): GroupRefusal | null {
  if (leaderId === null || memberIds.includes(leaderId)) return null;
  return { code: 'LEADER_NOT_MEMBER', message: 'The leader must be a member of the working group' };
}

/** A member leaves unless they lead the group or still lead households of it. */
export function refuseLeaving(group: GroupFacts, userId: string, householdsLed: number): GroupRefusal | null {
  if (group.leaderId === userId) {
    return { code: 'LEADER_CANNOT_LEAVE', message: 'Name another leader before the leader leaves the group' };
  }
  if (householdsLed > 0) {
    return {
      code: 'MEMBER_LEADS_HOUSEHOLDS',
      message: `The member is the lead officer of ${householdsLed} household(s) of the group; reassign them first`,
    };
  }
  return null;
}

/** A household's lead officer is a member of its responsible group. */
export function refuseLeadOfficer(leadOfficerId: string | null, memberIds: readonly string[]): GroupRefusal | null {
  if (leadOfficerId === null || memberIds.includes(leadOfficerId)) return null;
  return { code: 'LEAD_OFFICER_NOT_MEMBER', message: 'The lead officer must be a member of the working group' };
}

export interface Responsibility {
  workingGroupId: string;
  leadOfficerId: string | null;
}

/**
 * What assigning a household to `target` (null: to no group) does to its `current` responsibility:
 * nothing when it is already so (a retried request changes nothing), otherwise end the current one
 * (if any) and start the new one (if any). The history is the sequence of these.
 */
export function planAssignment(
  current: Responsibility | null,
  target: Responsibility | null,
): { end: boolean; start: boolean } {
  const same =
    current === null
      ? target === null
      : target !== null &&
        current.workingGroupId === target.workingGroupId &&
        current.leadOfficerId === target.leadOfficerId;
  if (same) return { end: false, start: false };
  return { end: current !== null, start: target !== null };
}
