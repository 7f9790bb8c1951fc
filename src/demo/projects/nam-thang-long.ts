import type { ConsentCondition, ConsentStatus } from '../../modules/households/domain/consent-status.js';
import type { Household } from '../../modules/households/household.entity.js';
import type { Project } from '../../modules/projects/project.entity.js';
import { REORGANISED_ON } from '../administrative-units.js';
import { addDays, type CivilDate, daysBetween, hanoiInstant, weekday } from '../calendar.js';
import { sessionRecords, type SessionPlan } from '../dialogue-records.js';
import { HouseholdHistory } from '../household-history.js';
import { type Milestone, Playbook, type Segment, type SessionSlot } from '../playbook.js';
import {
  type HouseholdBase,
  householdRow,
  type ParcelRow,
  type ProjectData,
  type RecipeContext,
} from '../project-data.js';
import type { Random } from '../random.js';
import { type Crew, personName, phoneNumber, REASONS } from '../vietnamese.js';

export const NAM_THANG_LONG = { code: 'NTL-GD3', totalAreaM2: 1_040_000 } as const;

/**
 * Nam Thăng Long urban area, phase 3 (Phú Thượng): 104 ha. The real clearance finished in November
 * 2023; the demo shows it mid-way, alive around "today", so the figures are worth looking at: most
 * small residential plots have agreed, while a few large farming holdings still object, so the
 * consent rate by households is far above the rate by area.
 */
type Holding = 'residential' | 'farming' | 'large';

interface Plan {
  holding: Holding;
  status: ConsentStatus;
  condition?: ConsentCondition;
}

const PLANS: readonly (readonly [Holding, ConsentStatus, number, ConsentCondition?])[] = [
  ['residential', 'handed_over', 120],
  ['residential', 'agreed', 78],
  ['residential', 'conditional', 4, 'resettlement_housing'],
  ['residential', 'conditional', 4, 'compensation_review'],
  ['residential', 'persuading', 14],
  ['residential', 'objecting', 12],
  ['residential', 'not_contacted', 4],
  ['farming', 'handed_over', 14],
  ['farming', 'agreed', 14],
  ['farming', 'conditional', 5, 'relocation_support'],
  ['farming', 'conditional', 3, 'land_valuation'],
  ['farming', 'persuading', 12],
  ['farming', 'objecting', 17],
  ['farming', 'enforcement_pending', 1],
  ['large', 'handed_over', 1],
  ['large', 'agreed', 1],
  ['large', 'conditional', 2, 'land_valuation'],
  ['large', 'objecting', 6],
];

const CREW: Crew = {
  officers: [
    'Hoàng Văn Nam',
    'Đào Thị Lan Phương',
    'Nguyễn Đức Thịnh',
    'Trịnh Minh Khôi',
    'Chu Thị Hương',
    'Kiều Văn Bảo',
    'Lý Thanh Tùng',
  ],
  frontMember: 'Phan Thị Mỹ Linh',
  groupLeaders: ['Dương Quốc Việt', 'Tạ Văn Hòa', 'Nguyễn Thị Lụa'],
  landOfficer: 'Lê Đức Anh',
};
const WARD_CHAIR = 'Nguyễn Hữu Phong';
const DISTRICT_VICE_CHAIR = 'Lê Thị Kim Oanh';
const VILLAGES = ['Phú Gia', 'Phú Xá', 'Phú Thượng'];
const LOCATIONS = ['Hội trường UBND phường Phú Thượng', 'Nhà văn hóa làng Phú Gia', 'Nhà văn hóa làng Phú Xá'];
const FARM_USES = ['LUC', 'BHK', 'CLN', 'NTS'] as const;

/** When this stretch of the demo history starts: the first visits of the working group. */
const FIRST_VISITS = { from: '2019-03-01', to: '2022-03-04' } as const;
const HELD_SESSIONS = 10;

export function namThangLong({ people, events, ids, eventIds, today }: RecipeContext): ProjectData {
  const projectId = ids.uuid();
  const createdAt = hanoiInstant('2019-01-15', 9 * 60);
  const slots = heldSessionSlots(events, ids, today);
  const playbook = new Playbook(
    events,
    CREW,
    {
      documentPrefix: 'NTL',
      objectingReasons: [...REASONS.objecting, ...REASONS.objectingFarmland],
      localNotes: [
        'Hộ đề nghị được di chuyển cây đào, cây quất trên đất trước khi bàn giao.',
        'Hộ hỏi về chính sách hỗ trợ chuyển đổi nghề và giao đất dịch vụ.',
        'Hộ đề nghị chi trả một lần, trước khi thu hoạch vụ hoa Tết.',
      ],
      enforcementAuthority: (day) => (day < REORGANISED_ON ? 'UBND quận Tây Hồ' : 'UBND phường Phú Thượng'),
    },
    slots.map((s) => s.slot),
  );

  const plans: Plan[] = people.shuffle(
    PLANS.flatMap(([holding, status, count, condition]) =>
      Array.from({ length: count }, (): Plan => ({ holding, status, condition })),
    ),
  );
  const sheets = new ParcelNumbers(people);
  const households: Household[] = [];
  const parcels: ParcelRow[] = [];
  const histories: HouseholdHistory[] = [];
  for (const [index, plan] of plans.entries()) {
    const id = ids.uuid();
    const history = new HouseholdHistory(id, projectId, createdAt, eventIds);
    for (const segment of timeline(plan, events, today)) playbook.play(history, segment);

    const own = landOf(plan.holding, people, sheets).map((parcel) => ({ id: ids.uuid(), householdId: id, ...parcel }));
    parcels.push(...own);
    const area = Math.round(own.reduce((sum, p) => sum + p.areaM2 * 10, 0)) / 10;
    const village = people.pick(VILLAGES);
    const base: HouseholdBase = {
      id,
      projectId,
      code: `NTL3-${String(index + 1).padStart(3, '0')}`,
      headName: personName(people),
      address:
        plan.holding === 'residential' && people.chance(0.5)
          ? `Số ${people.int(2, 120)}, ngõ ${people.int(1, 80)} An Dương Vương, Phú Thượng`
          : `Số ${people.int(1, 90)}, xóm ${people.int(1, 12)}, làng ${village}, Phú Thượng`,
      phone: phoneNumber(people),
      memberCount: people.int(1, 8),
      landAreaM2: area,
      landAreaSource: 'parcels',
      needsResettlement:
        plan.condition === 'resettlement_housing' || (plan.holding === 'residential' && people.chance(0.4)),
      vulnerable: people.chance(0.07),
      createdAt,
    };
    households.push(householdRow(base, history));
    histories.push(history);
  }

  const sessionPlans: SessionPlan[] = [
    ...slots.map(({ slot, plan }) => ({ ...plan, id: slot.id, projectId, outcome: { status: 'held' as const, slot } })),
    {
      id: ids.uuid(),
      projectId,
      scheduledAt: hanoiInstant(weekdayOnOrBefore(addDays(today, -38)), 19 * 60 + 30),
      location: LOCATIONS[1],
      kind: 'formal',
      chair: `${WARD_CHAIR}, Chủ tịch UBND phường Phú Thượng`,
      agenda:
        'Đối thoại về đơn giá bồi thường cây trồng (đào, quất) và hỗ trợ chuyển đổi nghề cho các hộ có đất nông nghiệp.',
      maxInvitees: 30,
      outcome: {
        status: 'cancelled',
        reason:
          'Hoãn vì chủ đầu tư chưa hoàn thiện phương án điều chỉnh đơn giá hỗ trợ cây trồng; sẽ thông báo lịch mới.',
      },
    },
    {
      id: ids.uuid(),
      projectId,
      scheduledAt: hanoiInstant(weekdayOnOrBefore(addDays(today, 9)), 8 * 60 + 30),
      location: LOCATIONS[0],
      kind: 'formal',
      chair: `${WARD_CHAIR}, Chủ tịch UBND phường Phú Thượng`,
      agenda:
        'Đối thoại với các hộ còn ý kiến về đơn giá bồi thường đất nông nghiệp, cây trồng và hỗ trợ chuyển đổi nghề.',
      maxInvitees: 30,
      outcome: { status: 'scheduled' },
    },
  ];
  const { sessions, participants } = sessionRecords(events, sessionPlans, histories);

  const project: Project = {
    id: projectId,
    code: NAM_THANG_LONG.code,
    name: 'Khu đô thị mới Nam Thăng Long – giai đoạn 3',
    description:
      'Giải phóng mặt bằng 104 ha tại phường Phú Thượng cho giai đoạn 3 Khu đô thị mới Nam Thăng Long, khởi động từ đầu những năm 2000. ' +
      'Dữ liệu demo cho thấy dự án ở giữa chặng: phần lớn hộ có đất ở đã đồng ý, một số hộ giữ diện tích đất nông nghiệp lớn còn chưa đồng ý. ' +
      '(Trên thực tế dự án đã hoàn thành GPMB vào tháng 11/2023.)',
    totalAreaM2: NAM_THANG_LONG.totalAreaM2,
    startedOn: '2003-01-01',
    targetOn: null,
    cutoffOn: '2018-12-31',
    consentThreshold: 0.75,
    status: 'active',
    staleAfterDays: 14,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
  return {
    project,
    unitCodes: ['HN-TAYHO-PHUTHUONG', 'HN-P-PHUTHUONG'],
    households,
    parcels,
    histories,
    sessions,
    participants,
  };
}

function timeline(plan: Plan, rng: Random, today: CivilDate): Segment[] {
  const first: Segment = { ...FIRST_VISITS, visits: 1 };
  const until = (daysBeforeToday: number) => addDays(today, -daysBeforeToday);
  const recent = (visits: number): Segment => ({ from: until(21), to: until(1), visits });
  const hardened = (p: number): Milestone[] => (rng.chance(p) ? [{ to: 'objecting' }] : []);

  switch (plan.status) {
    case 'handed_over':
      return [
        first,
        {
          from: FIRST_VISITS.from,
          to: until(150),
          milestones: [...hardened(0.35), { to: 'agreed' }],
          visits: rng.int(1, 3),
        },
        { from: FIRST_VISITS.from, to: until(3), milestones: [{ to: 'handed_over' }], visits: rng.int(0, 1) },
      ];
    case 'agreed':
      return [
        first,
        {
          from: FIRST_VISITS.from,
          to: until(60),
          milestones: [...hardened(0.3), { to: 'agreed' }],
          visits: rng.int(1, 3),
        },
        // Most were seen in the last three weeks; the others a month or more ago, so their
        // follow-up is a few days late or coming up, never years late.
        rng.chance(0.9) ? recent(1) : { from: until(45), to: until(30), visits: 1 },
      ];
    case 'conditional':
      return [
        first,
        {
          from: FIRST_VISITS.from,
          to: until(120),
          milestones: [...hardened(0.4), { to: 'conditional', condition: plan.condition }],
          visits: rng.int(1, 3),
        },
        recent(1),
      ];
    case 'persuading':
      return [
        first,
        {
          from: FIRST_VISITS.from,
          to: until(120),
          milestones: rng.chance(0.3) ? [{ to: 'objecting' }, { to: 'persuading' }] : [],
          visits: rng.int(1, 3),
        },
        recent(1),
      ];
    case 'objecting':
      return [
        first,
        { from: FIRST_VISITS.from, to: until(120), milestones: [{ to: 'objecting' }], visits: rng.int(1, 4) },
        recent(1),
      ];
    case 'enforcement_pending':
      return [
        first,
        { from: FIRST_VISITS.from, to: until(200), milestones: [{ to: 'objecting' }], visits: 3 },
        { from: until(60), to: until(46), milestones: [{ to: 'enforcement_pending' }] },
        { from: until(40), to: until(2), visits: 2 },
      ];
    case 'not_contacted':
      return [];
  }
}

/** Parcel numbers per map sheet (tờ bản đồ), unique within the sheet. */
class ParcelNumbers {
  private readonly next = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  take(sheet: string): string {
    const number = this.next.get(sheet) ?? this.rng.int(20, 140);
    this.next.set(sheet, number + this.rng.int(1, 4));
    return String(number);
  }
}

type Parcel = Pick<ParcelRow, 'mapSheet' | 'parcelNumber' | 'areaM2' | 'landUse'>;

/**
 * Land-use codes as the cadastre writes them: ODT urban residential land, LUC rice land, BHK other
 * annual crops, CLN perennial crops, NTS aquaculture.
 */
function landOf(holding: Holding, rng: Random, numbers: ParcelNumbers): Parcel[] {
  const parcel = (sheets: [number, number], landUse: string, [min, max]: [number, number]): Parcel => {
    const mapSheet = String(rng.int(...sheets));
    return { mapSheet, parcelNumber: numbers.take(mapSheet), areaM2: rng.int(min * 10, max * 10) / 10, landUse };
  };
  switch (holding) {
    case 'residential': {
      const home = parcel([8, 14], 'ODT', [45, 300]);
      return rng.chance(0.35) ? [home, parcel([20, 34], rng.pick(['BHK', 'CLN']), [120, 720])] : [home];
    }
    case 'farming': {
      const fields = Array.from({ length: rng.int(2, 4) }, () => parcel([20, 34], rng.pick(FARM_USES), [500, 3_500]));
      return rng.chance(0.6) ? [parcel([8, 14], 'ODT', [60, 250]), ...fields] : fields;
    }
    case 'large':
      return Array.from({ length: rng.int(3, 6) }, () =>
        parcel([35, 42], rng.pick(['NTS', 'CLN', 'BHK']), [4_000, 12_000]),
      );
  }
}

/** Formal dialogues spread over the years of the demo, the latest a couple of weeks before today. */
function heldSessionSlots(
  rng: Random,
  ids: Random,
  today: CivilDate,
): { slot: SessionSlot; plan: Omit<SessionPlan, 'id' | 'projectId' | 'outcome'> }[] {
  const first = addDays(FIRST_VISITS.from, 120);
  const span = daysBetween(first, addDays(today, -12));
  return Array.from({ length: HELD_SESSIONS }, (_, index) => {
    const day = weekdayOnOrBefore(addDays(first, Math.round((span * index) / (HELD_SESSIONS - 1))));
    const minute = rng.pick([8 * 60 + 30, 14 * 60, 19 * 60 + 30]);
    const byDistrict = day < REORGANISED_ON && index % 3 === 1;
    const chairName = byDistrict ? DISTRICT_VICE_CHAIR : WARD_CHAIR;
    const informal = index % 4 === 3;
    return {
      slot: {
        id: ids.uuid(),
        day,
        heldAt: hanoiInstant(day, minute + 10),
        chairName,
        minutesReference: `BB-ĐT-NTL-${day.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`,
        announced: new Map(),
      },
      plan: {
        scheduledAt: hanoiInstant(day, minute),
        location: LOCATIONS[index % LOCATIONS.length],
        kind: informal ? 'informal' : 'formal',
        chair: `${chairName}, ${byDistrict ? 'Phó Chủ tịch UBND quận Tây Hồ' : 'Chủ tịch UBND phường Phú Thượng'}`,
        agenda: informal
          ? 'Gặp mặt các hộ trồng đào, quất: kế hoạch di chuyển cây, đơn giá hỗ trợ cây trồng.'
          : 'Đối thoại về phương án bồi thường, hỗ trợ: đơn giá đất nông nghiệp, hỗ trợ chuyển đổi nghề, giao đất dịch vụ, bố trí tái định cư.',
        maxInvitees: 40,
      },
    };
  });
}

/** Sessions are held on working days: a weekend date moves back to Friday. */
function weekdayOnOrBefore(day: CivilDate): CivilDate {
  const dow = weekday(day);
  return dow === 0 ? addDays(day, -2) : dow === 6 ? addDays(day, -1) : day;
}
