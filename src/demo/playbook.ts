import type { ConsentCondition, ConsentStatus } from '../modules/households/domain/consent-status.js';
import type { VisitOutcome } from '../modules/visits/visit.entity.js';
import { addDays, addMinutes, type CivilDate, daysBetween, hanoiInstant, laterOf, viDate } from './calendar.js';
import type { HouseholdHistory } from './household-history.js';
import type { Random } from './random.js';
import { CONDITION_NOTES, CONDITIONAL_VISIT_NOTES, type Crew, NOTES, REASONS, visitParty } from './vietnamese.js';

/** A status change to reach within a segment of a household's timeline. */
export interface Milestone {
  to: ConsentStatus;
  condition?: ConsentCondition;
}

/**
 * A stretch of a household's timeline: between `from` and `to` (Hanoi days, both included, never
 * before the household's previous event) the milestones happen in order, among `visits` ordinary
 * visits. A household never contacted gets its first visit first.
 */
export interface Segment {
  from: CivilDate;
  to: CivilDate;
  milestones?: Milestone[];
  visits?: number;
}

/** A held dialogue session at which households may announce their decision. */
export interface SessionSlot {
  id: string;
  day: CivilDate;
  heldAt: Date;
  /** The chair's name: the actor of decisions announced at the session. */
  chairName: string;
  minutesReference: string;
  /** Households that changed status at this session, and the status they moved to. */
  announced: Map<string, ConsentStatus>;
}

/** What differs between projects: who acts, which complaints are typical, how documents are numbered. */
export interface ProjectVoice {
  /** Short code used in document references, e.g. "TK". */
  documentPrefix: string;
  objectingReasons: readonly string[];
  /** Project-specific things households say, mixed into ordinary visit notes. */
  localNotes: readonly string[];
  /** Who decides compulsory recovery on `day` (the district until 1 July 2025, the ward after). */
  enforcementAuthority(day: CivilDate): string;
}

const CONDITION_LABELS: Record<ConsentCondition, string> = {
  resettlement_housing: 'chờ bố trí căn hộ tái định cư',
  compensation_review: 'đề nghị kiểm đếm bổ sung',
  land_valuation: 'đề nghị xác định lại loại đất, đơn giá',
  relocation_support: 'đề nghị hỗ trợ chuyển đổi nghề',
  other: 'điều kiện khác',
};

const VISIT_OUTCOME_FOR: Partial<Record<ConsentStatus, VisitOutcome>> = {
  persuading: 'hesitant',
  objecting: 'refused',
  conditional: 'conditional',
  agreed: 'agreed',
};

const ORDINARY_OUTCOMES: Record<ConsentStatus, readonly (readonly [VisitOutcome, number])[]> = {
  not_contacted: [
    ['listened', 5],
    ['hesitant', 3],
    ['refused', 1],
  ],
  persuading: [
    ['listened', 4],
    ['hesitant', 4],
    ['absent', 2],
  ],
  objecting: [
    ['refused', 5],
    ['listened', 2],
    ['absent', 2],
    ['hesitant', 1],
  ],
  conditional: [
    ['conditional', 6],
    ['listened', 2],
    ['absent', 1],
  ],
  agreed: [
    ['agreed', 4],
    ['absent', 1],
  ],
  enforcement_pending: [
    ['hesitant', 2],
    ['refused', 2],
    ['listened', 1],
  ],
  handed_over: [],
};

/** Officers visit from early morning to the evening, when working families are at home. */
const FIRST_VISIT_MINUTE = 7 * 60 + 30;
const LAST_VISIT_MINUTE = 20 * 60;
const SESSION_ANNOUNCEMENT_CHANCE = 0.35;

/**
 * Plays households' timelines into their histories: picks the days, who visits, what was said and
 * when to come back. All randomness comes from the project's stream.
 */
export class Playbook {
  private documentNumber = 0;

  constructor(
    private readonly rng: Random,
    private readonly crew: Crew,
    private readonly voice: ProjectVoice,
    private readonly sessions: readonly SessionSlot[] = [],
  ) {}

  play(history: HouseholdHistory, segment: Segment): void {
    const milestones = segment.milestones ?? [];
    const needsFirstVisit = history.status === 'not_contacted';
    const previous = history.lastEventDay;
    const start = previous ? laterOf(segment.from, addDays(previous, 1)) : segment.from;
    const available = daysBetween(start, segment.to) + 1;
    const required = milestones.length + (needsFirstVisit ? 1 : 0);
    if (available < required) {
      throw new Error(
        `demo timeline: ${required} events do not fit between ${start} and ${segment.to} (household ${history.householdId})`,
      );
    }
    const visits = Math.min(Math.max(segment.visits ?? 0, needsFirstVisit ? 1 : 0), available - milestones.length);
    const count = milestones.length + visits;
    if (count <= 0) return;
    const days = this.distinctDays(start, segment.to, count);

    // Milestones keep their order; a hand-over closes its segment; the first visit opens one.
    const endsWithHandover = milestones.at(-1)?.to === 'handed_over';
    const placed = endsWithHandover ? milestones.length - 1 : milestones.length;
    const low = needsFirstVisit ? 1 : 0;
    const high = endsWithHandover ? count - 2 : count - 1;
    const slots = this.rng
      .sample(
        Array.from({ length: high - low + 1 }, (_, index) => low + index),
        placed,
      )
      .concat(endsWithHandover ? [count - 1] : []);

    let next = 0;
    days.forEach((day, index) => {
      if (slots[next] === index) this.reach(history, milestones[next++], day, start);
      else this.ordinaryVisit(history, day);
    });
  }

  /** `count` distinct days between `start` and `end`, in order. */
  private distinctDays(start: CivilDate, end: CivilDate, count: number): CivilDate[] {
    const span = daysBetween(start, end) + 1;
    let offsets: number[];
    if (count * 2 >= span) {
      // sample() keeps the original order, so these come out sorted.
      offsets = this.rng.sample(
        Array.from({ length: span }, (_, index) => index),
        count,
      );
    } else {
      const drawn = new Set<number>();
      while (drawn.size < count) drawn.add(this.rng.int(0, span - 1));
      offsets = [...drawn].sort((a, b) => a - b);
    }
    return offsets.map((offset) => addDays(start, offset));
  }

  private ordinaryVisit(history: HouseholdHistory, day: CivilDate): void {
    const before = history.status;
    const outcome = this.rng.weighted(ORDINARY_OUTCOMES[before]);
    const statusAfter: ConsentStatus = before === 'not_contacted' ? 'persuading' : before;
    history.visit({
      at: this.visitTime(day),
      officers: visitParty(this.rng, this.crew),
      outcome,
      notes: this.noteFor(outcome, statusAfter, history),
      nextFollowUpOn: this.followUp(day, statusAfter, outcome, history),
    });
  }

  private reach(history: HouseholdHistory, milestone: Milestone, day: CivilDate, segmentStart: CivilDate): void {
    const from = history.status;
    const { to } = milestone;
    if (to === 'handed_over') return this.handOver(history, day);
    if (to === 'enforcement_pending') return this.decideEnforcement(history, day);

    const condition = milestone.condition;
    const conditionNote = condition ? CONDITION_NOTES[condition] : undefined;
    const reason =
      to === 'objecting'
        ? this.rng.pick(this.voice.objectingReasons)
        : to === 'persuading'
          ? this.rng.pick(REASONS.backToPersuading)
          : to === 'conditional'
            ? `Hộ đồng ý có điều kiện (${CONDITION_LABELS[condition as ConsentCondition]})`
            : from === 'enforcement_pending'
              ? REASONS.complied
              : REASONS.agreed;

    const session =
      (to === 'agreed' || to === 'conditional') && from !== 'enforcement_pending'
        ? this.sessionBefore(history, segmentStart, day)
        : undefined;
    if (session) {
      session.announced.set(history.householdId, to);
      history.move(to, {
        at: addMinutes(session.heldAt, this.rng.int(120, 180)),
        reason: `${reason}, tại buổi đối thoại ngày ${viDate(session.day)}`,
        actor: session.chairName,
        condition,
        conditionNote,
        evidence: [{ kind: 'minutes', reference: session.minutesReference, note: 'Biên bản đối thoại' }],
      });
      return;
    }

    const outcome = VISIT_OUTCOME_FOR[to] as VisitOutcome;
    const at = this.visitTime(day);
    const officers = visitParty(this.rng, this.crew);
    const notes =
      to === 'conditional'
        ? `Hộ đồng ý có điều kiện. ${conditionNote as string}`
        : from === 'enforcement_pending'
          ? 'Sau nhiều lần vận động, hộ chấp hành, cam kết tự nguyện bàn giao mặt bằng trước ngày cưỡng chế.'
          : this.pickNote(outcome);
    const visitId = history.visit({
      at,
      officers,
      outcome,
      notes,
      nextFollowUpOn: this.followUp(day, to, outcome, history, condition),
    });
    history.move(to, {
      at: addMinutes(at, 10),
      reason,
      actor: officers[0],
      visitId,
      condition,
      conditionNote,
      evidence:
        to === 'agreed'
          ? [
              {
                kind: 'signed_form',
                reference: this.documentReference('TT', day),
                note: 'Biên bản thống nhất phương án bồi thường',
              },
            ]
          : [],
    });
  }

  private handOver(history: HouseholdHistory, day: CivilDate): void {
    history.move('handed_over', {
      at: hanoiInstant(day, this.rng.int(8 * 4, 11 * 4) * 15),
      reason: `Bàn giao mặt bằng theo biên bản ngày ${viDate(day)}`,
      actor: this.crew.landOfficer,
      handedOverOn: day,
      evidence: [{ kind: 'minutes', reference: this.documentReference('BG', day), note: 'Biên bản bàn giao mặt bằng' }],
    });
  }

  private decideEnforcement(history: HouseholdHistory, day: CivilDate): void {
    const authority = this.voice.enforcementAuthority(day);
    const decision = `${this.rng.int(1200, 4800)}/QĐ-UBND`;
    history.move('enforcement_pending', {
      at: hanoiInstant(day, 15 * 60),
      reason: `${authority} ban hành Quyết định số ${decision} cưỡng chế thu hồi đất; UBND phường và Ủy ban MTTQ phường đã vận động, thuyết phục và lập biên bản`,
      actor: this.crew.officers[0],
      evidence: [
        { kind: 'decision', reference: decision, note: `Quyết định cưỡng chế thu hồi đất của ${authority}` },
        {
          kind: 'minutes',
          reference: this.documentReference('VĐ', day),
          note: 'Biên bản vận động của UBND phường và Ủy ban MTTQ phường',
        },
      ],
    });
  }

  /**
   * A held session within the segment, after the household's previous event and before `day`, if the
   * household announces its decision there rather than to visiting officers.
   */
  private sessionBefore(history: HouseholdHistory, segmentStart: CivilDate, day: CivilDate): SessionSlot | undefined {
    const previous = history.lastEventDay;
    const candidates = this.sessions.filter(
      (s) => s.day >= segmentStart && s.day < day && (previous === null || s.day > previous),
    );
    const latest = candidates.at(-1);
    return latest && this.rng.chance(SESSION_ANNOUNCEMENT_CHANCE) ? latest : undefined;
  }

  private visitTime(day: CivilDate): Date {
    return hanoiInstant(day, this.rng.int(FIRST_VISIT_MINUTE / 15, LAST_VISIT_MINUTE / 15) * 15);
  }

  private noteFor(outcome: VisitOutcome, status: ConsentStatus, history: HouseholdHistory): string {
    if (status === 'enforcement_pending') return this.rng.pick(NOTES.afterEnforcementDecision);
    if (status === 'conditional' && outcome !== 'absent') {
      const condition = history.fields().consentCondition;
      return this.rng.pick(
        condition === 'resettlement_housing'
          ? CONDITIONAL_VISIT_NOTES.resettlement_housing
          : CONDITIONAL_VISIT_NOTES.other,
      );
    }
    if (outcome === 'agreed' && status === 'agreed') return this.rng.pick(NOTES.awaitingHandover);
    if ((outcome === 'listened' || outcome === 'hesitant') && this.rng.chance(0.3))
      return this.rng.pick(this.voice.localNotes);
    return this.pickNote(outcome);
  }

  private pickNote(outcome: VisitOutcome): string {
    return outcome === 'conditional' ? this.rng.pick(CONDITIONAL_VISIT_NOTES.other) : this.rng.pick(NOTES[outcome]);
  }

  /** When the group plans to come back, by what the household is waiting for. */
  private followUp(
    day: CivilDate,
    status: ConsentStatus,
    outcome: VisitOutcome,
    history: HouseholdHistory,
    condition?: ConsentCondition,
  ): CivilDate | null {
    if (outcome === 'absent') return addDays(day, this.rng.int(2, 7));
    switch (status) {
      case 'persuading':
        return addDays(day, this.rng.int(7, 30));
      case 'objecting':
        return addDays(day, this.rng.int(10, 30));
      case 'conditional':
        return (condition ?? history.fields().consentCondition) === 'resettlement_housing'
          ? addDays(day, this.rng.int(45, 120))
          : addDays(day, this.rng.int(14, 40));
      case 'agreed':
        return addDays(day, this.rng.int(14, 45));
      case 'enforcement_pending':
        return addDays(day, this.rng.int(3, 10));
      case 'not_contacted':
      case 'handed_over':
        return null;
    }
  }

  private documentReference(kind: string, day: CivilDate): string {
    this.documentNumber += 1;
    return `${kind}-${this.voice.documentPrefix}-${day.slice(0, 4)}-${String(this.documentNumber).padStart(3, '0')}`;
  }
}
