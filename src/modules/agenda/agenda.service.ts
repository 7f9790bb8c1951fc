import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import { addDays, atLocalTime, type CivilDate } from '../../common/time/civil-date.js';
import type { Principal } from '../access/principal.js';
import { projectInScope } from '../access/scope.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { DialoguesService } from '../dialogues/dialogues.service.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectScopes } from '../projects/project-scopes.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { EnforcementRecordsService } from '../enforcement/enforcement-records.service.js';
import { type AgendaItem, buildAgenda, COMPLAINT_HORIZON_DAYS, ENFORCEMENT_HORIZON_DAYS } from './domain/agenda.js';

/** Households read per agenda at most; the agenda says when it stopped there. */
export const AGENDA_HOUSEHOLD_LIMIT = 500;

export interface Agenda {
  date: CivilDate;
  items: AgendaItem[];
  /** Households named by the items, for display. */
  households: Array<{ id: string; code: string; headName: string; address: string | null }>;
  /** True when more households need a visit than AGENDA_HOUSEHOLD_LIMIT. */
  truncated: boolean;
}

/**
 * Today's agenda of the signed-in user. An officer's covers the households their working groups are
 * responsible for (and those households' projects' dialogue sessions); a chair's, supervisor's or
 * admin's covers every household of the projects they see.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly scopes: ProjectScopes,
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly groups: WorkingGroupsService,
    private readonly complaints: ComplaintsService,
    private readonly dialogues: DialoguesService,
    private readonly enforcement: EnforcementRecordsService,
    private readonly clock: Clock,
  ) {}

  async of(principal: Principal, date: CivilDate = this.clock.today()): Promise<Agenda> {
    if (principal.type !== 'user') throw new ForbiddenError('an agenda: it belongs to a signed-in person');
    const scope = await this.scopes.scopeOf(principal);
    let limits = (await this.projects.activeWithStaleLimits()).filter((p) => projectInScope(scope, p.id));
    let householdIds: string[] | null = null;
    if (principal.role === 'officer') {
      const mine = await this.groups.householdsOfMember(principal.id);
      householdIds = mine.map((row) => row.householdId);
      const projectIds = new Set(mine.map((row) => row.projectId));
      limits = limits.filter((p) => projectIds.has(p.id));
    }
    const projectIds = limits.map((p) => p.id);
    const zone = this.clock.timeZone;
    const dayStart = atLocalTime(date, '00:00', zone);
    const dayEnd = atLocalTime(addDays(date, 1), '00:00', zone);
    const enforcementUntil = addDays(date, ENFORCEMENT_HORIZON_DAYS);
    const [needing, complaints, enforcement, sessions] = await Promise.all([
      this.households.needingVisit(limits, householdIds, date, dayEnd, AGENDA_HOUSEHOLD_LIMIT + 1),
      this.complaints.dueBy(projectIds, householdIds, addDays(date, COMPLAINT_HORIZON_DAYS)),
      this.enforcement.dueBy(
        projectIds,
        householdIds,
        enforcementUntil,
        atLocalTime(addDays(enforcementUntil, 1), '00:00', zone),
      ),
      this.dialogues.scheduledBetween(projectIds, dayStart, dayEnd),
    ]);
    const truncated = needing.length > AGENDA_HOUSEHOLD_LIMIT;
    const items = buildAgenda(date, zone, {
      households: needing.slice(0, AGENDA_HOUSEHOLD_LIMIT),
      complaints: complaints.map((c) => ({
        complaintId: c.id,
        householdId: c.householdId,
        projectId: c.projectId,
        status: c.status,
        acceptDueOn: c.acceptDueOn,
        resolveDueOn: c.resolveDueOn,
      })),
      enforcement: enforcement.map((r) => ({
        enforcementRecordId: r.id,
        householdId: r.householdId,
        projectId: r.projectId,
        decisionNo: r.decisionNo,
        status: r.status,
        scheduledAt: r.scheduledAt,
        handoverDueOn: r.handoverDueOn,
      })),
      sessions: sessions.map((s) => ({
        dialogueSessionId: s.id,
        projectId: s.projectId,
        scheduledAt: s.scheduledAt,
        location: s.location,
      })),
    });
    const named = [...new Set(items.flatMap((item) => (item.householdId ? [item.householdId] : [])))];
    return { date, items, households: await this.households.summaries(named), truncated };
  }
}
