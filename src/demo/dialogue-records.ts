import type { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import type { DialogueKind, DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import type { ConsentStatus } from '../modules/households/domain/consent-status.js';
import { addDays, addMinutes, hanoiDateOf, viDate } from './calendar.js';
import type { HouseholdHistory } from './household-history.js';
import type { SessionSlot } from './playbook.js';
import type { Random } from './random.js';

/** A dialogue session to write: held (with a slot households may have announced at), cancelled or still scheduled. */
export interface SessionPlan {
  id: string;
  projectId: string;
  scheduledAt: Date;
  location: string;
  kind: DialogueKind;
  /** "Name, role" as written on the minutes. */
  chair: string;
  agenda: string;
  maxInvitees: number;
  outcome: { status: 'held'; slot: SessionSlot } | { status: 'cancelled'; reason: string } | { status: 'scheduled' };
}

const OPEN_STATUSES: readonly ConsentStatus[] = ['persuading', 'objecting', 'conditional', 'enforcement_pending'];
const POSITION_BY_STATUS = {
  persuading: 'undecided',
  objecting: 'object',
  enforcement_pending: 'object',
  conditional: 'conditional',
  agreed: 'agree',
} as const;

/**
 * Writes sessions and their invitations once every household's history is known: those invited are
 * the households still undecided at the time, and what they said follows from their history.
 */
export function sessionRecords(
  rng: Random,
  plans: readonly SessionPlan[],
  histories: readonly HouseholdHistory[],
): { sessions: DialogueSession[]; participants: DialogueParticipant[] } {
  const sessions: DialogueSession[] = [];
  const participants: DialogueParticipant[] = [];

  for (const plan of plans) {
    const { outcome } = plan;
    const announced = outcome.status === 'held' ? outcome.slot.announced : new Map<string, ConsentStatus>();
    const open = histories.filter(
      (history) => !announced.has(history.householdId) && OPEN_STATUSES.includes(history.statusAt(plan.scheduledAt)),
    );
    const invited = [
      ...histories.filter((history) => announced.has(history.householdId)),
      ...rng.sample(open, Math.max(0, plan.maxInvitees - announced.size)),
    ];

    const rows: DialogueParticipant[] = invited.map((history) => {
      const base = { dialogueSessionId: plan.id, householdId: history.householdId };
      if (outcome.status !== 'held') return { ...base, attended: null, position: null, note: null };
      const decided = announced.get(history.householdId);
      if (decided === 'agreed' || decided === 'conditional') {
        const note =
          decided === 'agreed'
            ? 'Ký biên bản đồng ý ngay tại buổi đối thoại'
            : 'Nêu điều kiện và cam kết bàn giao tại buổi đối thoại';
        return { ...base, attended: true, position: POSITION_BY_STATUS[decided], note };
      }
      if (!rng.chance(0.78))
        return {
          ...base,
          attended: false,
          position: null,
          note: rng.chance(0.5) ? 'Vắng mặt, đã gửi giấy mời hợp lệ' : null,
        };
      const status = history.statusAt(plan.scheduledAt) as keyof typeof POSITION_BY_STATUS;
      return { ...base, attended: true, position: POSITION_BY_STATUS[status], note: null };
    });
    participants.push(...rows);

    const createdAt = addMinutes(plan.scheduledAt, -14 * 24 * 60);
    const common = {
      id: plan.id,
      projectId: plan.projectId,
      scheduledAt: plan.scheduledAt,
      location: plan.location,
      kind: plan.kind,
      chair: plan.chair,
      agenda: plan.agenda,
      version: 1,
      createdAt,
    };
    switch (outcome.status) {
      case 'held':
        sessions.push({
          ...common,
          status: 'held',
          heldAt: outcome.slot.heldAt,
          minutes: minutesOf(plan, outcome.slot, rows),
          cancelReason: null,
          version: 2,
          updatedAt: addMinutes(outcome.slot.heldAt, 24 * 60),
        });
        break;
      case 'cancelled':
        sessions.push({
          ...common,
          status: 'cancelled',
          heldAt: null,
          minutes: null,
          cancelReason: outcome.reason,
          version: 2,
          updatedAt: addMinutes(plan.scheduledAt, -2 * 24 * 60),
        });
        break;
      case 'scheduled':
        sessions.push({
          ...common,
          status: 'scheduled',
          heldAt: null,
          minutes: null,
          cancelReason: null,
          updatedAt: createdAt,
        });
        break;
    }
  }
  return { sessions, participants };
}

function minutesOf(plan: SessionPlan, slot: SessionSlot, rows: readonly DialogueParticipant[]): string {
  const attended = rows.filter((row) => row.attended);
  const count = (position: string) => attended.filter((row) => row.position === position).length;
  const day = hanoiDateOf(slot.heldAt);
  return [
    `BIÊN BẢN ĐỐI THOẠI số ${slot.minutesReference}, ngày ${viDate(day)}, tại ${plan.location}.`,
    `Chủ trì: ${plan.chair}. Thành phần: đại diện UBND phường, Ủy ban MTTQ phường, tổ chức làm nhiệm vụ bồi thường, chủ đầu tư, tổ trưởng các tổ dân phố; ${attended.length}/${rows.length} hộ được mời có mặt.`,
    `Nội dung: ${plan.agenda}`,
    `Kết quả: ${count('agree')} hộ đồng ý phương án, ${count('conditional')} hộ đồng ý có điều kiện, ${count('object')} hộ chưa đồng ý, ${count('undecided')} hộ chưa quyết định.`,
    `Các kiến nghị được tổng hợp, giao bộ phận chuyên môn trả lời bằng văn bản trước ngày ${viDate(addDays(day, 15))}.`,
  ].join('\n');
}
