import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A deadline rule as seeded from the Land Law 2024 and the Law on Complaints 2011 (domain brief). */
interface SeedRule {
  code: string;
  trigger: string;
  offsetDays: number;
  action: string;
  legalBasis: string;
}

const RULES: SeedRule[] = [
  {
    code: 'complaint.accept',
    trigger: 'complaint.received',
    offsetDays: 10,
    action: 'Thụ lý giải quyết khiếu nại',
    legalBasis: 'Luật Khiếu nại 2011, Điều 27',
  },
  {
    code: 'complaint.resolve',
    trigger: 'complaint.accepted',
    offsetDays: 30,
    action: 'Giải quyết khiếu nại lần đầu',
    legalBasis: 'Luật Khiếu nại 2011, Điều 28',
  },
  {
    code: 'complaint.resolve.complex',
    trigger: 'complaint.accepted',
    offsetDays: 45,
    action: 'Giải quyết khiếu nại lần đầu (vụ việc phức tạp)',
    legalBasis: 'Luật Khiếu nại 2011, Điều 28',
  },
  {
    code: 'complaint.resolve.remote',
    trigger: 'complaint.accepted',
    offsetDays: 45,
    action: 'Giải quyết khiếu nại lần đầu (vùng sâu, vùng xa)',
    legalBasis: 'Luật Khiếu nại 2011, Điều 28',
  },
  {
    code: 'complaint.resolve.remote-complex',
    trigger: 'complaint.accepted',
    offsetDays: 60,
    action: 'Giải quyết khiếu nại lần đầu (vùng sâu, vùng xa, vụ việc phức tạp)',
    legalBasis: 'Luật Khiếu nại 2011, Điều 28',
  },
  {
    code: 'recovery.decision.agricultural',
    trigger: 'recovery.notice-sent',
    offsetDays: 90,
    action: 'Sớm nhất được ban hành quyết định thu hồi đất nông nghiệp kể từ ngày gửi thông báo',
    legalBasis: 'Luật Đất đai 2024, Điều 85',
  },
  {
    code: 'recovery.decision.non-agricultural',
    trigger: 'recovery.notice-sent',
    offsetDays: 180,
    action: 'Sớm nhất được ban hành quyết định thu hồi đất phi nông nghiệp kể từ ngày gửi thông báo',
    legalBasis: 'Luật Đất đai 2024, Điều 85',
  },
  {
    code: 'recovery.notice.validity',
    trigger: 'recovery.notice-sent',
    offsetDays: 365,
    action: 'Thông báo thu hồi đất hết hiệu lực (12 tháng)',
    legalBasis: 'Luật Đất đai 2024, Điều 85',
  },
  {
    code: 'inventory.persuasion',
    trigger: 'inventory.refused',
    offsetDays: 15,
    action: 'Vận động, thuyết phục bằng văn bản người không phối hợp kiểm đếm',
    legalBasis: 'Luật Đất đai 2024, Điều 87, 88',
  },
  {
    code: 'inventory.compulsory',
    trigger: 'inventory.persuasion-ended',
    offsetDays: 10,
    action: 'Ban hành quyết định kiểm đếm bắt buộc nếu vẫn không phối hợp',
    legalBasis: 'Luật Đất đai 2024, Điều 88',
  },
  {
    code: 'plan.posting',
    trigger: 'compensation-plan.posted',
    offsetDays: 30,
    action: 'Kết thúc niêm yết công khai phương án bồi thường, sau đó đối thoại trực tiếp',
    legalBasis: 'Luật Đất đai 2024, Điều 87(3)',
  },
  {
    code: 'plan.recovery-decision',
    trigger: 'compensation-plan.approved',
    offsetDays: 10,
    action: 'Ban hành quyết định thu hồi đất',
    legalBasis: 'Luật Đất đai 2024, Điều 87(5)',
  },
  {
    code: 'compensation.payment',
    trigger: 'compensation-plan.approved',
    offsetDays: 30,
    action: 'Chi trả tiền bồi thường, hỗ trợ',
    legalBasis: 'Luật Đất đai 2024, Điều 94',
  },
  {
    code: 'enforcement.compliance-handover',
    trigger: 'enforcement.complied',
    offsetDays: 30,
    action: 'Bàn giao đất sau khi chấp hành trong quá trình cưỡng chế',
    legalBasis: 'Luật Đất đai 2024, Điều 89(4)',
  },
  {
    code: 'enforcement.tet-blackout',
    trigger: 'tet',
    offsetDays: 15,
    action: 'Không tổ chức cưỡng chế trong 15 ngày trước và sau Tết Nguyên đán',
    legalBasis: 'Luật Đất đai 2024, Điều 89',
  },
];

type HolidayKind = 'public' | 'tet' | 'compensatory';
interface SeedHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
  tetDayOne?: boolean;
}

const TET: Array<{
  year: number;
  canChi: string;
  first: string;
  dayOne: string;
  last: string;
}> = [
  {
    year: 2024,
    canChi: 'Giáp Thìn',
    first: '2024-02-08',
    dayOne: '2024-02-10',
    last: '2024-02-14',
  },
  {
    year: 2025,
    canChi: 'Ất Tỵ',
    first: '2025-01-25',
    dayOne: '2025-01-29',
    last: '2025-02-02',
  },
  {
    year: 2026,
    canChi: 'Bính Ngọ',
    first: '2026-02-14',
    dayOne: '2026-02-17',
    last: '2026-02-22',
  },
  {
    year: 2027,
    canChi: 'Đinh Mùi',
    first: '2027-02-04',
    dayOne: '2027-02-06',
    last: '2027-02-10',
  },
];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function tetHolidays(): SeedHoliday[] {
  const rows: SeedHoliday[] = [];
  for (const tet of TET) {
    for (
      let date = tet.first, offset = -Math.round((Date.parse(tet.dayOne) - Date.parse(tet.first)) / 86_400_000);
      date <= tet.last;
      date = addDays(date, 1), offset += 1
    ) {
      rows.push({
        date,
        name:
          offset < 0
            ? `Nghỉ Tết Nguyên đán ${tet.canChi} (trước Tết)`
            : `Tết Nguyên đán ${tet.canChi} (Mùng ${offset + 1})`,
        kind: 'tet',
        tetDayOne: offset === 0,
      });
    }
  }
  return rows;
}

const HOLIDAYS: SeedHoliday[] = [
  ...[2024, 2025, 2026, 2027].flatMap((year): SeedHoliday[] => [
    { date: `${year}-01-01`, name: 'Tết Dương lịch', kind: 'public' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)', kind: 'public' },
    {
      date: `${year}-05-01`,
      name: 'Ngày Quốc tế Lao động (1/5)',
      kind: 'public',
    },
  ]),
  ...tetHolidays(),
  {
    date: '2024-04-18',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'public',
  },
  {
    date: '2025-04-07',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'public',
  },
  {
    date: '2026-04-26',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'public',
  },
  {
    date: '2027-04-16',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'public',
  },
  // Holidays falling on a weekend give a day off on the next working day (Bộ luật Lao động 2019, Điều 111(3)).
  {
    date: '2026-04-27',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    kind: 'compensatory',
  },
  {
    date: '2027-05-03',
    name: 'Nghỉ bù Ngày Quốc tế Lao động',
    kind: 'compensatory',
  },
  { date: '2024-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
  { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'public' },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'public' },
  { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'public' },
  { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
  { date: '2027-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'public' },
];

/**
 * The legal clock: deadline rules and the holiday calendar as data (seeded here, editable by
 * administrators), complaints with their history, and legal milestones per project or household.
 */
export class LegalClock1764410000000 implements MigrationInterface {
  name = 'LegalClock1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        trigger varchar(64) NOT NULL,
        offset_days integer NOT NULL CHECK (offset_days >= 0 AND offset_days <= 3660),
        day_kind varchar(16) NOT NULL DEFAULT 'calendar' CHECK (day_kind IN ('calendar', 'working')),
        action text NOT NULL,
        description text,
        legal_basis varchar(300) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deadline_rules_code_key UNIQUE (code)
      )`);
    for (const rule of RULES) {
      await q.query(
        `INSERT INTO deadline_rules (code, trigger, offset_days, day_kind, action, legal_basis) VALUES ($1, $2, $3, 'calendar', $4, $5)`,
        [rule.code, rule.trigger, rule.offsetDays, rule.action, rule.legalBasis],
      );
    }

    await q.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('public', 'tet', 'compensatory')),
        tet_day_one boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT holidays_date_key UNIQUE (date),
        CONSTRAINT holidays_tet_day_one_is_tet CHECK (NOT tet_day_one OR kind = 'tet')
      )`);
    // One Tết day one per calendar year (Tết always falls between 21 January and 20 February).
    await q.query(
      `CREATE UNIQUE INDEX holidays_tet_day_one_year_key ON holidays ((extract(year FROM date))) WHERE tet_day_one`,
    );
    for (const holiday of HOLIDAYS) {
      await q.query(`INSERT INTO holidays (date, name, kind, tet_day_one) VALUES ($1, $2, $3, $4)`, [
        holiday.date,
        holiday.name,
        holiday.kind,
        holiday.tetDayOne ?? false,
      ]);
    }

    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        household_id uuid NOT NULL REFERENCES households(id),
        received_on date NOT NULL,
        summary text NOT NULL,
        complainant varchar(200) NOT NULL,
        complex boolean NOT NULL DEFAULT false,
        remote_area boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'accepted', 'resolved', 'rejected', 'withdrawn')),
        accept_due_on date,
        accept_rule_code varchar(64),
        accept_due_from date,
        resolve_due_on date,
        resolve_rule_code varchar(64),
        resolve_due_from date,
        resolve_due_source varchar(16) CHECK (resolve_due_source IN ('rule', 'extension')),
        resolve_due_legal_basis varchar(300),
        accepted_on date,
        decided_on date,
        decision text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complaints_accepted_after_received CHECK (accepted_on IS NULL OR accepted_on >= received_on),
        CONSTRAINT complaints_decided_after_received CHECK (decided_on IS NULL OR decided_on >= received_on)
      )`);
    await q.query(`CREATE INDEX complaints_household_idx ON complaints (household_id, received_on)`);
    await q.query(`CREATE INDEX complaints_project_open_idx ON complaints (project_id, status)`);
    await q.query(`CREATE INDEX complaints_accept_rule_idx ON complaints (accept_rule_code) WHERE status = 'received'`);
    await q.query(
      `CREATE INDEX complaints_resolve_rule_idx ON complaints (resolve_rule_code) WHERE status = 'accepted' AND resolve_due_source = 'rule'`,
    );

    await q.query(`
      CREATE TABLE complaint_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        kind varchar(16) NOT NULL CHECK (kind IN
          ('received', 'accepted', 'extended', 'escalated', 'resolved', 'rejected', 'withdrawn', 'recomputed')),
        occurred_on date NOT NULL,
        at timestamptz NOT NULL,
        actor varchar(200) NOT NULL,
        actor_id uuid,
        note text,
        legal_basis varchar(300),
        previous_due_on date,
        new_due_on date,
        escalated_to varchar(200)
      )`);
    await q.query(`CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, seq)`);

    await q.query(`
      CREATE TABLE legal_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        household_id uuid REFERENCES households(id),
        kind varchar(32) NOT NULL CHECK (kind IN ('recovery_notice_sent', 'inventory_refused',
          'compensation_plan_posted', 'plan_approved', 'compensation_paid', 'site_handed_over')),
        occurred_on date NOT NULL,
        land_kind varchar(20) CHECK (land_kind IN ('agricultural', 'non_agricultural')),
        note text,
        recorded_by varchar(200) NOT NULL,
        recorded_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT legal_milestones_land_kind_for_notices CHECK ((kind = 'recovery_notice_sent') = (land_kind IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX legal_milestones_project_idx ON legal_milestones (project_id, occurred_on)`);
    await q.query(
      `CREATE INDEX legal_milestones_household_idx ON legal_milestones (household_id) WHERE household_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_milestones`);
    await q.query(`DROP TABLE complaint_events`);
    await q.query(`DROP TABLE complaints`);
    await q.query(`DROP TABLE holidays`);
    await q.query(`DROP TABLE deadline_rules`);
  }
}
