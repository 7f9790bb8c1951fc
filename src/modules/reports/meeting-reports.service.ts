import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { InputValidationError } from '../../common/errors/domain-error.js';
import { addDays, atLocalTime, type CivilDate, toLocalDate, viDate } from '../../common/time/civil-date.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { DialoguesService } from '../dialogues/dialogues.service.js';
import { CONSENT_STATUSES } from '../households/domain/consent-status.js';
import { CONSENT_STATUS_LABELS } from '../households/domain/household-sheet.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ConsentHistoryService } from '../stats/consent-history.service.js';
import type { ConsentFigures } from '../stats/domain/consent-rates.js';
import { StatsService } from '../stats/stats.service.js';
import {
  DEFAULT_SINCE_DAYS,
  type Figures,
  holdoutLabel,
  type MeetingReport,
  type ProjectReport,
} from './domain/meeting-report.js';

/** Overdue households named in a report (the count says how many there are). */
const OVERDUE_NAMED = 20;
/** Days ahead a complaint deadline is "near". */
const COMPLAINT_HORIZON_DAYS = 7;

/**
 * What a ward chair brings to a meeting, per project or per ward: consent by households and by area
 * now and at the last meeting (`since`), holdouts by reason, overdue follow-ups, complaints near
 * their deadline, dialogue sessions held since, and twelve months of consent. Read from the modules
 * that own the figures; the renderers (PDF, XLSX) lay it out.
 */
@Injectable()
export class MeetingReportsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly units: AdministrativeUnitsService,
    private readonly stats: StatsService,
    private readonly history: ConsentHistoryService,
    private readonly households: HouseholdsService,
    private readonly complaints: ComplaintsService,
    private readonly dialogues: DialoguesService,
    private readonly clock: Clock,
  ) {}

  async forProject(projectId: string, since?: CivilDate): Promise<MeetingReport> {
    const { project } = await this.projects.get(projectId);
    const from = this.sinceOr(since);
    return {
      title: `Báo cáo tiến độ GPMB: ${project.name}`,
      subtitle: this.subtitle(from),
      today: this.clock.today(),
      since: from,
      projects: [await this.projectReport(projectId, from)],
    };
  }

  async forUnit(unitId: string, since?: CivilDate): Promise<MeetingReport> {
    const unit = await this.units.get(unitId);
    const from = this.sinceOr(since);
    const ids = await this.projects.idsInUnit(unitId);
    const projects: ProjectReport[] = [];
    for (const id of ids) projects.push(await this.projectReport(id, from));
    return {
      title: `Báo cáo tiến độ GPMB: ${unit.name}`,
      subtitle: this.subtitle(from),
      today: this.clock.today(),
      since: from,
      projects,
    };
  }

  private sinceOr(since: CivilDate | undefined): CivilDate {
    const today = this.clock.today();
    const from = since ?? addDays(today, -DEFAULT_SINCE_DAYS);
    if (from > today) throw new InputValidationError({ since: [`since (${from}) is after today (${today})`] });
    return from;
  }

  private subtitle(since: CivilDate): string {
    return `Số liệu đến ngày ${viDate(this.clock.today())}; so sánh với ngày ${viDate(since)}`;
  }

  private async projectReport(projectId: string, since: CivilDate): Promise<ProjectReport> {
    const today = this.clock.today();
    const zone = this.clock.timeZone;
    // The first day of the month eleven months back: twelve monthly points, this month the last.
    const months = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 11;
    const firstMonth = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
    const [stats, [then], monthly, holdouts, overdue, complaints, sessions] = await Promise.all([
      this.stats.forProject(projectId),
      this.history.history(projectId, { granularity: 'day', from: since, to: since }),
      this.history.history(projectId, { granularity: 'month', from: firstMonth, to: today }),
      this.households.holdoutsByCondition(projectId),
      this.households.list(projectId, {
        followUpOverdue: true,
        sort: 'nextFollowUpOn',
        limit: OVERDUE_NAMED,
        offset: 0,
      }),
      this.complaints.dueBy([projectId], null, addDays(today, COMPLAINT_HORIZON_DAYS)),
      this.dialogues.list(projectId, {
        status: 'held',
        from: atLocalTime(since, '00:00', zone).toISOString(),
        limit: 100,
        offset: 0,
      }),
    ]);
    const named = new Map(
      (await this.households.summaries([...new Set(complaints.map((c) => c.householdId))])).map((h) => [h.id, h]),
    );
    return {
      project: { id: stats.projectId, code: stats.code, name: stats.name, consentThreshold: stats.consentThreshold },
      now: figuresOf(stats),
      then: figuresOf(then.figures),
      byStatus: CONSENT_STATUSES.map((status) => ({
        status,
        label: CONSENT_STATUS_LABELS[status],
        households: stats.households.byStatus[status],
        areaM2: stats.area.byStatus[status],
      })),
      holdouts: holdouts.map((h) => ({
        label: holdoutLabel(h.status, h.condition),
        households: h.households,
        areaM2: h.areaM2,
      })),
      overdue: {
        count: stats.followUps.overdue,
        first: overdue.rows.map((h) => ({ code: h.code, headName: h.headName, nextFollowUpOn: h.nextFollowUpOn })),
      },
      complaints: complaints.map((c) => {
        const household = named.get(c.householdId);
        const accepting = c.status === 'received';
        return {
          household: household ? `${household.headName} (${household.code})` : c.householdId,
          summary: c.summary,
          what: accepting ? 'Thụ lý' : 'Giải quyết',
          dueOn: (accepting ? c.acceptDueOn : c.resolveDueOn) ?? today,
        };
      }),
      sessions: sessions[0].map(({ session, participants }) => ({
        heldOn: toLocalDate(session.heldAt ?? session.scheduledAt, zone),
        location: session.location,
        invited: participants.length,
      })),
      monthly: monthly.map((point) => ({
        month: point.period.end.slice(0, 7),
        consentRate: point.figures.consentRate,
        areaConsentRate: point.figures.area.consentRate,
      })),
    };
  }
}

function figuresOf(f: ConsentFigures): Figures {
  return {
    households: f.households.total,
    consented: f.households.consented,
    consentRate: f.consentRate,
    areaM2: f.area.totalM2,
    consentedM2: f.area.consentedM2,
    areaConsentRate: f.area.consentRate,
  };
}
