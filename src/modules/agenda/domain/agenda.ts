import {
  addDays,
  type CivilDate,
  daysBetween,
  toLocalDate,
  toLocalDateTime,
  viDate,
} from '../../../common/time/civil-date.js';

/** How many days ahead a complaint or enforcement deadline enters the agenda. */
export const COMPLAINT_HORIZON_DAYS = 3;
export const ENFORCEMENT_HORIZON_DAYS = 3;

export const AGENDA_KINDS = [
  'follow_up_overdue',
  'complaint_deadline',
  'enforcement_deadline',
  'follow_up_due',
  'dialogue_session',
  'not_contacted',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaHouseholdFact {
  householdId: string;
  projectId: string;
  code: string;
  headName: string;
  address: string | null;
  nextFollowUpOn: CivilDate | null;
  silentSince: Date;
  staleAfterDays: number;
}

export interface AgendaComplaintFact {
  complaintId: string;
  householdId: string;
  projectId: string;
  /** received: acceptance due; accepted: resolution due. */
  status: string;
  acceptDueOn: CivilDate | null;
  resolveDueOn: CivilDate | null;
}

export interface AgendaEnforcementFact {
  enforcementRecordId: string;
  householdId: string;
  projectId: string;
  decisionNo: string;
  /** scheduled: the enforcement day; complied: the hand-over deadline. */
  status: string;
  scheduledAt: Date | null;
  handoverDueOn: CivilDate | null;
}

export interface AgendaSessionFact {
  dialogueSessionId: string;
  projectId: string;
  scheduledAt: Date;
  location: string;
}

export interface AgendaItem {
  kind: AgendaKind;
  /** Why it is on the agenda, as a ward officer would say it. */
  why: string;
  projectId: string;
  householdId: string | null;
  complaintId: string | null;
  enforcementRecordId: string | null;
  dialogueSessionId: string | null;
  /** The date it is due (or was), or the session's day. */
  dueOn: CivilDate;
  /** A session's or a scheduled enforcement's time. */
  at: Date | null;
}

const rank = (kind: AgendaKind) => AGENDA_KINDS.indexOf(kind);

/**
 * The agenda of `date`: what needs doing that day among the facts given, one line each with its
 * reason, most urgent first — follow-ups already late (oldest first), complaint deadlines passed or
 * within COMPLAINT_HORIZON_DAYS, enforcement days and hand-over deadlines after compliance passed or
 * within ENFORCEMENT_HORIZON_DAYS, follow-ups due that day, that day's dialogue sessions by time, then
 * households silent longer than their project allows (longest first). A household due a follow-up
 * is not listed again as silent.
 */
export function buildAgenda(
  date: CivilDate,
  timeZone: string,
  facts: {
    households: readonly AgendaHouseholdFact[];
    complaints: readonly AgendaComplaintFact[];
    enforcement?: readonly AgendaEnforcementFact[];
    sessions: readonly AgendaSessionFact[];
  },
): AgendaItem[] {
  const items: Array<AgendaItem & { order: string }> = [];
  const base = { complaintId: null, enforcementRecordId: null, dialogueSessionId: null, at: null };
  for (const h of facts.households) {
    const label = h.address ? `${h.headName} (${h.code}), ${h.address}` : `${h.headName} (${h.code})`;
    if (h.nextFollowUpOn !== null && h.nextFollowUpOn <= date) {
      const late = daysBetween(h.nextFollowUpOn, date);
      items.push({
        ...base,
        kind: late > 0 ? 'follow_up_overdue' : 'follow_up_due',
        why:
          late > 0
            ? `Quá hẹn thăm lại ${late} ngày (hẹn ngày ${viDate(h.nextFollowUpOn)}): ${label}`
            : `Hẹn thăm lại hôm nay: ${label}`,
        projectId: h.projectId,
        householdId: h.householdId,
        dueOn: h.nextFollowUpOn,
        order: `${h.nextFollowUpOn}|${h.code}`,
      });
      continue;
    }
    const silentDays = daysBetween(toLocalDate(h.silentSince, timeZone), date);
    if (silentDays < h.staleAfterDays) continue;
    items.push({
      ...base,
      kind: 'not_contacted',
      why: `Chưa tiếp xúc ${silentDays} ngày (quá ${h.staleAfterDays} ngày cho phép): ${label}`,
      projectId: h.projectId,
      householdId: h.householdId,
      dueOn: addDays(toLocalDate(h.silentSince, timeZone), h.staleAfterDays),
      order: `${h.silentSince.toISOString()}|${h.code}`,
    });
  }
  const horizon = addDays(date, COMPLAINT_HORIZON_DAYS);
  for (const c of facts.complaints) {
    const [dueOn, what] =
      c.status === 'received' ? [c.acceptDueOn, 'thụ lý khiếu nại'] : [c.resolveDueOn, 'giải quyết khiếu nại'];
    if (dueOn === null || dueOn > horizon) continue;
    const left = daysBetween(date, dueOn);
    items.push({
      ...base,
      kind: 'complaint_deadline',
      why:
        left < 0
          ? `Quá hạn ${what} ${-left} ngày (hạn ngày ${viDate(dueOn)})`
          : left === 0
            ? `Hôm nay là hạn ${what}`
            : `Còn ${left} ngày đến hạn ${what} (ngày ${viDate(dueOn)})`,
      projectId: c.projectId,
      householdId: c.householdId,
      complaintId: c.complaintId,
      dueOn,
      order: `${dueOn}|${c.complaintId}`,
    });
  }
  for (const e of facts.enforcement ?? []) {
    const item = enforcementItem(e, date, timeZone);
    if (item)
      items.push({
        ...base,
        ...item,
        projectId: e.projectId,
        householdId: e.householdId,
        enforcementRecordId: e.enforcementRecordId,
      });
  }
  for (const s of facts.sessions) {
    const local = toLocalDateTime(s.scheduledAt, timeZone);
    if (local.date !== date) continue;
    items.push({
      ...base,
      kind: 'dialogue_session',
      why: `Đối thoại lúc ${local.time} tại ${s.location}`,
      projectId: s.projectId,
      householdId: null,
      dialogueSessionId: s.dialogueSessionId,
      dueOn: date,
      at: s.scheduledAt,
      order: s.scheduledAt.toISOString(),
    });
  }
  return items
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.order.localeCompare(b.order))
    .map(({ order: _order, ...item }) => item);
}

/** The line of a scheduled enforcement (its day, or a past day with no outcome recorded) or of a hand-over due after compliance. */
function enforcementItem(
  e: AgendaEnforcementFact,
  date: CivilDate,
  timeZone: string,
): (Pick<AgendaItem, 'kind' | 'why' | 'dueOn' | 'at'> & { order: string }) | null {
  const horizon = addDays(date, ENFORCEMENT_HORIZON_DAYS);
  const decision = `theo Quyết định số ${e.decisionNo}`;
  if (e.status === 'scheduled' && e.scheduledAt) {
    const local = toLocalDateTime(e.scheduledAt, timeZone);
    if (local.date > horizon) return null;
    const left = daysBetween(date, local.date);
    const why =
      left < 0
        ? `Đã qua ngày cưỡng chế ${viDate(local.date)} ${decision}, chưa ghi kết quả`
        : left === 0
          ? `Cưỡng chế hôm nay lúc ${local.time} ${decision}`
          : `Còn ${left} ngày đến ngày cưỡng chế (${local.time} ngày ${viDate(local.date)}) ${decision}`;
    return {
      kind: 'enforcement_deadline',
      why,
      dueOn: local.date,
      at: e.scheduledAt,
      order: `${local.date}|${e.enforcementRecordId}`,
    };
  }
  if (e.status === 'complied' && e.handoverDueOn && e.handoverDueOn <= horizon) {
    const left = daysBetween(date, e.handoverDueOn);
    const why =
      left < 0
        ? `Quá hạn bàn giao mặt bằng sau khi chấp hành ${-left} ngày (hạn ngày ${viDate(e.handoverDueOn)})`
        : left === 0
          ? 'Hôm nay là hạn bàn giao mặt bằng sau khi chấp hành'
          : `Còn ${left} ngày đến hạn bàn giao mặt bằng sau khi chấp hành (ngày ${viDate(e.handoverDueOn)})`;
    return {
      kind: 'enforcement_deadline',
      why,
      dueOn: e.handoverDueOn,
      at: null,
      order: `${e.handoverDueOn}|${e.enforcementRecordId}`,
    };
  }
  return null;
}
