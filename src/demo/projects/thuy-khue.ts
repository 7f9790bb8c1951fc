import type { ConsentCondition } from '../../modules/households/domain/consent-status.js';
import type { Household } from '../../modules/households/household.entity.js';
import type { Project } from '../../modules/projects/project.entity.js';
import { addDays, type CivilDate, hanoiInstant } from '../calendar.js';
import { sessionRecords, type SessionPlan } from '../dialogue-records.js';
import { HouseholdHistory } from '../household-history.js';
import { Playbook, type Segment, type SessionSlot } from '../playbook.js';
import { type HouseholdBase, householdRow, type ProjectData, type RecipeContext } from '../project-data.js';
import type { Random } from '../random.js';
import { type Crew, personName, phoneNumber, REASONS } from '../vietnamese.js';

/**
 * Thụy Khuê drainage-canal sanitation project (from 2012). Built so that the consent history says
 * what the 2024 report says: 44 households had not consented at the end of 2022, and by the end of
 * 2023 only 8 remained, each committed to hand over once resettlement housing is available.
 */
export const THUY_KHUE = {
  code: 'TK-MUONG-2012',
  holdoutsAtEnd2022: 44,
  conditionalAtEnd: 8,
} as const;

const CREW: Crew = {
  officers: ['Trần Quang Huy', 'Nguyễn Thị Thu Hà', 'Lê Minh Tuấn', 'Vũ Thị Ngọc Anh', 'Đỗ Văn Lực'],
  frontMember: 'Bùi Thị Xuân',
  groupLeaders: ['Ngô Văn Thái', 'Phạm Thị Hồng', 'Đinh Công Bằng'],
  landOfficer: 'Phạm Văn Sơn',
};
const WARD_CHAIR = { name: 'Đặng Văn Khánh', role: 'Chủ tịch UBND phường Thụy Khuê' };
const DISTRICT_VICE_CHAIR = { name: 'Lê Thị Kim Oanh', role: 'Phó Chủ tịch UBND quận Tây Hồ' };
const LANES = ['29', '52', '67', '95', '124', '180', '254', '282', '310'];

/** Eras of the project's history. */
const ERA = {
  firstContacts: { from: '2012-05-02', to: '2014-12-30' },
  quietYears: { from: '2015-01-05', to: '2021-12-28' },
  campaign2022: { from: '2022-01-04', to: '2022-12-28' },
  campaign2023: { from: '2023-01-04', to: '2023-11-30' },
  handovers: { from: '2023-05-02', to: '2024-12-20' },
} as const;

/** Formal dialogues of the 2022–2023 campaign (all Fridays). */
const DIALOGUES = [
  { day: '2022-03-18', minute: 19 * 60 + 30, chair: WARD_CHAIR },
  { day: '2022-06-17', minute: 19 * 60 + 30, chair: WARD_CHAIR },
  { day: '2022-09-23', minute: 14 * 60, chair: WARD_CHAIR },
  { day: '2022-11-25', minute: 14 * 60, chair: DISTRICT_VICE_CHAIR },
  { day: '2023-03-10', minute: 8 * 60 + 30, chair: DISTRICT_VICE_CHAIR },
  { day: '2023-06-16', minute: 19 * 60 + 30, chair: WARD_CHAIR },
  { day: '2023-09-22', minute: 14 * 60, chair: WARD_CHAIR },
] as const;

type Fate =
  | 'handed-over-early' // agreed and handed over in the first years
  | 'handed-over-2022' // agreed before 2022, handed over in 2022
  | 'agreed-2022'; // a holdout at the start of 2022 who agreed during it

/** One of the 44 households that had not agreed at the end of 2022. */
type Holdout = {
  at2022End: 'objecting' | 'persuading' | 'conditional';
  in2023: 'agreed' | 'enforced-then-agreed' | 'resettlement';
  handsOver: boolean;
};

export function thuyKhue(ctx: RecipeContext): ProjectData {
  const { people, events, ids, eventIds, today } = ctx;
  const projectId = ids.uuid();
  const createdAt = hanoiInstant('2012-04-20', 9 * 60);

  const slots: SessionSlot[] = DIALOGUES.map((d, index) => ({
    id: ids.uuid(),
    day: d.day,
    heldAt: hanoiInstant(d.day, d.minute + 5),
    chairName: d.chair.name,
    minutesReference: `BB-ĐT-TK-${d.day.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`,
    announced: new Map(),
  }));
  const playbook = new Playbook(
    events,
    CREW,
    {
      documentPrefix: 'TK',
      objectingReasons: REASONS.objecting,
      localNotes: [
        'Hộ phản ánh mương bốc mùi, ngập úng mỗi khi mưa to; ủng hộ cải tạo nhưng muốn đơn giá cao hơn.',
        'Hộ hỏi phần nhà xây lấn ra lòng mương có được hỗ trợ không.',
        'Hộ đề nghị được tạm cư gần trường của các cháu trong thời gian chờ tái định cư.',
      ],
      enforcementAuthority: () => 'UBND quận Tây Hồ',
    },
    slots,
  );

  const holdouts = holdoutPlans(people);
  const fates: (Fate | Holdout)[] = people.shuffle([
    ...Array<Fate>(58).fill('handed-over-early'),
    ...Array<Fate>(8).fill('handed-over-2022'),
    ...Array<Fate>(16).fill('agreed-2022'),
    ...holdouts,
  ]);

  const households: Household[] = [];
  const histories: HouseholdHistory[] = [];
  for (const [index, fate] of fates.entries()) {
    const id = ids.uuid();
    const history = new HouseholdHistory(id, projectId, createdAt, eventIds);
    const resettlement = typeof fate !== 'string' && fate.in2023 === 'resettlement';
    for (const segment of timeline(fate, events, today)) playbook.play(history, segment);
    const area = people.int(150, 1100) / 10;
    const base: HouseholdBase = {
      id,
      projectId,
      code: `TK-${String(index + 1).padStart(3, '0')}`,
      headName: personName(people),
      address: `Số ${people.int(1, 60)}, ngõ ${people.pick(LANES)} Thụy Khuê`,
      phone: phoneNumber(people),
      memberCount: people.int(2, 7),
      landAreaM2: area,
      landAreaSource: 'declared',
      needsResettlement: resettlement || area < 40 || people.chance(0.25),
      vulnerable: people.chance(0.08),
      createdAt,
    };
    households.push(householdRow(base, history));
    histories.push(history);
  }

  const plans: SessionPlan[] = DIALOGUES.map((d, index) => ({
    id: slots[index].id,
    projectId,
    scheduledAt: hanoiInstant(d.day, d.minute),
    location: index === 2 ? 'Nhà văn hóa tổ dân phố số 5, phường Thụy Khuê' : 'Hội trường UBND phường Thụy Khuê',
    kind: 'formal',
    chair: `${d.chair.name}, ${d.chair.role}`,
    agenda:
      d.day < '2023-01-01'
        ? 'Đối thoại với các hộ chưa đồng ý phương án bồi thường, hỗ trợ dự án cải tạo mương Thụy Khuê: đơn giá đất ở, diện tích nhà xây lấn mương, chỗ ở tạm.'
        : 'Đối thoại với các hộ còn lại: tiến độ chi trả, quyết định cưỡng chế đã ban hành, bố trí quỹ nhà tái định cư của thành phố.',
    maxInvitees: 80,
    outcome: { status: 'held', slot: slots[index] },
  }));
  const { sessions, participants } = sessionRecords(events, plans, histories);

  const totalArea = households.reduce((sum, h) => sum + h.landAreaM2, 0);
  const project: Project = {
    id: projectId,
    code: THUY_KHUE.code,
    name: 'Cải tạo vệ sinh môi trường mương thoát nước Thụy Khuê',
    description:
      'Cải tạo vệ sinh môi trường tuyến mương thoát nước chảy qua phường Thụy Khuê cũ (từ 01/07/2025 thuộc phường Tây Hồ và phường Ba Đình). ' +
      'Triển khai từ năm 2012; cuối năm 2022 còn 44 hộ chưa đồng ý, cuối năm 2023 còn 8 hộ, đều cam kết bàn giao khi được bố trí nhà tái định cư.',
    // The households' land plus the canal bed and its banks, which are public land.
    totalAreaM2: Math.round(totalArea + 6_200),
    startedOn: '2012-01-01',
    targetOn: null,
    cutoffOn: '2012-04-20',
    consentThreshold: 0.75,
    status: 'active',
    staleAfterDays: 14,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
  return {
    project,
    unitCodes: ['HN-TAYHO-THUYKHUE', 'HN-P-TAYHO', 'HN-P-BADINH'],
    households,
    parcels: [],
    histories,
    sessions,
    participants,
  };
}

/** The 44: where each stood at the end of 2022 and what 2023 brought. */
function holdoutPlans(rng: Random): Holdout[] {
  const plans: Holdout[] = [
    ...Array.from({ length: THUY_KHUE.conditionalAtEnd }, (): Holdout => ({
      at2022End: 'objecting',
      in2023: 'resettlement',
      handsOver: false,
    })),
    ...Array.from({ length: 5 }, (): Holdout => ({
      at2022End: 'objecting',
      in2023: 'enforced-then-agreed',
      handsOver: true,
    })),
    ...Array.from({ length: 13 }, (): Holdout => ({ at2022End: 'objecting', in2023: 'agreed', handsOver: true })),
    ...Array.from({ length: 12 }, (): Holdout => ({ at2022End: 'persuading', in2023: 'agreed', handsOver: true })),
    ...Array.from({ length: 6 }, (): Holdout => ({ at2022End: 'conditional', in2023: 'agreed', handsOver: true })),
  ];
  // Six of those who agreed in 2023 still wait for their compensation to be paid.
  const waiting = new Set(
    rng.sample(
      plans.map((plan, index) => (plan.in2023 === 'agreed' ? index : -1)).filter((i) => i >= 0),
      6,
    ),
  );
  return plans.map((plan, index) => (waiting.has(index) ? { ...plan, handsOver: false } : plan));
}

function timeline(fate: Fate | Holdout, rng: Random, today: CivilDate): Segment[] {
  const chance = (p: number) => rng.chance(p);
  const int = (min: number, max: number) => rng.int(min, max);
  const recent: Segment = { from: addDays(today, -21), to: addDays(today, -1), visits: 1 };
  switch (fate) {
    case 'handed-over-early':
      return [
        {
          ...ERA.firstContacts,
          milestones: chance(0.25) ? [{ to: 'objecting' }, { to: 'agreed' }] : [{ to: 'agreed' }],
          visits: int(1, 2),
        },
        { from: ERA.firstContacts.from, to: '2017-12-29', milestones: [{ to: 'handed_over' }], visits: int(0, 1) },
      ];
    case 'handed-over-2022':
      return [
        { ...ERA.firstContacts, milestones: [{ to: 'objecting' }], visits: int(1, 2) },
        { from: ERA.quietYears.from, to: '2021-10-29', milestones: [{ to: 'agreed' }], visits: int(1, 2) },
        { from: ERA.campaign2022.from, to: '2022-12-20', milestones: [{ to: 'handed_over' }], visits: int(0, 1) },
      ];
    case 'agreed-2022':
      return [
        { ...ERA.firstContacts, milestones: chance(0.6) ? [{ to: 'objecting' }] : [], visits: int(1, 2) },
        { ...ERA.quietYears, visits: int(1, 2) },
        { from: ERA.campaign2022.from, to: '2022-12-20', milestones: [{ to: 'agreed' }], visits: int(2, 4) },
        { from: '2023-01-04', to: '2023-12-29', milestones: [{ to: 'handed_over' }], visits: int(0, 1) },
      ];
  }

  const segments: Segment[] = [];
  const wavered = chance(0.3);
  switch (fate.at2022End) {
    case 'objecting':
      segments.push(
        { ...ERA.firstContacts, milestones: [{ to: 'objecting' }], visits: int(1, 2) },
        { ...ERA.quietYears, visits: int(1, 3) },
        {
          ...ERA.campaign2022,
          milestones: wavered ? [{ to: 'persuading' }, { to: 'objecting' }] : [],
          visits: int(3, 6),
        },
      );
      break;
    case 'persuading':
      segments.push(
        { ...ERA.firstContacts, milestones: wavered ? [{ to: 'objecting' }] : [], visits: int(1, 2) },
        { ...ERA.quietYears, visits: int(1, 2) },
        { ...ERA.campaign2022, milestones: wavered ? [{ to: 'persuading' }] : [], visits: int(3, 6) },
      );
      break;
    case 'conditional': {
      const condition: ConsentCondition = chance(0.5) ? 'compensation_review' : 'land_valuation';
      segments.push(
        { ...ERA.firstContacts, milestones: [{ to: 'objecting' }], visits: int(1, 2) },
        { ...ERA.quietYears, visits: int(1, 2) },
        { ...ERA.campaign2022, milestones: [{ to: 'conditional', condition }], visits: int(3, 5) },
      );
      break;
    }
  }

  switch (fate.in2023) {
    case 'resettlement':
      segments.push(
        {
          ...ERA.campaign2023,
          milestones: [{ to: 'conditional', condition: 'resettlement_housing' }],
          visits: int(2, 4),
        },
        // Officers keep checking on the commitment while the city looks for resettlement flats.
        { from: '2024-01-10', to: '2025-06-27', visits: int(2, 3) },
        recent,
      );
      break;
    case 'enforced-then-agreed':
      // Door-to-door persuasion went on after the enforcement decision; these households complied.
      segments.push(
        { from: ERA.campaign2023.from, to: '2023-02-28', visits: int(1, 2) },
        { from: '2023-03-01', to: '2023-04-14', milestones: [{ to: 'enforcement_pending' }] },
        { from: '2023-04-17', to: '2023-08-31', milestones: [{ to: 'agreed' }], visits: int(1, 3) },
      );
      break;
    case 'agreed':
      segments.push({ ...ERA.campaign2023, milestones: [{ to: 'agreed' }], visits: int(2, 4) });
      break;
  }
  if (fate.in2023 !== 'resettlement') {
    segments.push(
      fate.handsOver ? { ...ERA.handovers, milestones: [{ to: 'handed_over' }], visits: int(0, 1) } : recent,
    );
  }
  return segments;
}
