import { CONSENT_TRANSITIONS, type ConsentStatus } from '../../src/modules/households/domain/consent-status.js';
import request from 'supertest';
import { ROLES } from '../../src/modules/access/domain/roles.js';
import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-users.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

const TABLES = [
  'administrative_units',
  'projects',
  'project_administrative_units',
  'households',
  'land_parcels',
  'visits',
  'consent_transitions',
  'dialogue_sessions',
  'dialogue_participants',
  'working_groups',
  'household_assignments',
  'commitments',
];

describe(DemoSeeder.name, () => {
  let t: TestApp;
  let summary: Record<string, number> | undefined;

  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(sql, params);
  const projectId = async (code: string): Promise<string> =>
    (await rows<{ id: string }>('SELECT id FROM projects WHERE code = $1', [code]))[0]?.id;
  const tableCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
    return counts;
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    summary = await t.app.get(DemoSeeder).seedIfEmpty();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should load the three demo projects and say what it wrote', async () => {
    const counts = await tableCounts();
    expect(summary).toEqual({
      administrativeUnits: counts.administrative_units,
      projects: 3,
      households: counts.households,
      landParcels: counts.land_parcels,
      visits: counts.visits,
      transitions: counts.consent_transitions,
      dialogueSessions: counts.dialogue_sessions,
      dialogueParticipants: counts.dialogue_participants,
      users: DEMO_ACCOUNTS.length,
      workingGroups: 2,
      householdAssignments: counts.household_assignments,
      commitments: counts.commitments,
      jobs: (await rows<{ n: number }>('SELECT count(*)::int AS n FROM job_outbox'))[0].n,
    });
    const projects = await rows<{ code: string }>('SELECT code FROM projects ORDER BY code');
    expect(projects.map((p) => p.code)).toEqual(['NTL-GD3', 'TAMDA-18', 'TK-MUONG-2012']);
  });

  it("should give the Phú Thượng officer a working group and real work on today's agenda", async () => {
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'canbo.phuthuong@demo.gpmb.vn', password: DEMO_PASSWORD })
      .expect(200);
    const officer = request.agent(t.http).set('Authorization', `Bearer ${login.body.accessToken}`);
    const groups = await officer.get(`/api/v1/projects/${await projectId('NTL-GD3')}/working-groups`).expect(200);
    expect(groups.body.items.map((g: { name: string }) => g.name)).toEqual(['Tổ công tác số 1 phường Phú Thượng']);
    const agenda = await officer.get('/api/v1/me/agenda').expect(200);
    expect(agenda.body.items.length).toBeGreaterThan(0);
    const kinds = new Set(agenda.body.items.map((item: { kind: string }) => item.kind));
    expect(kinds.has('follow_up_overdue') || kinds.has('follow_up_due')).toBe(true);
    const ntl = await projectId('NTL-GD3');
    expect(agenda.body.items.every((item: { projectId: string }) => item.projectId === ntl)).toBe(true);
    // Thụy Khuê's group is led by the Tây Hồ chair, with the Tây Hồ officer as a member.
    const tk = await officer.get(`/api/v1/projects/${await projectId('TK-MUONG-2012')}/working-groups`);
    expect(tk.status).toBe(404);
  });

  it('should keep the administrative map before and after 1 July 2025', async () => {
    const units = await rows<{
      name: string;
      level: string;
      parent: string | null;
      valid_from: string | null;
      valid_to: string | null;
    }>(
      `SELECT u.name, u.level, p.name AS parent, u.valid_from::text, u.valid_to::text
         FROM administrative_units u LEFT JOIN administrative_units p ON p.id = u.parent_id`,
    );
    expect(units).toEqual(
      expect.arrayContaining([
        {
          name: 'Quận Tây Hồ',
          level: 'district',
          parent: 'Thành phố Hà Nội',
          valid_from: null,
          valid_to: '2025-06-30',
        },
        { name: 'Phường Thụy Khuê', level: 'ward', parent: 'Quận Tây Hồ', valid_from: null, valid_to: '2025-06-30' },
        { name: 'Phường Tây Hồ', level: 'ward', parent: 'Thành phố Hà Nội', valid_from: '2025-07-01', valid_to: null },
        {
          name: 'Phường Phú Thượng',
          level: 'ward',
          parent: 'Thành phố Hà Nội',
          valid_from: '2025-07-01',
          valid_to: null,
        },
      ]),
    );
    const thuyKhueUnits = await rows<{ name: string }>(
      `SELECT u.name FROM project_administrative_units pu JOIN administrative_units u ON u.id = pu.administrative_unit_id
        WHERE pu.project_id = $1 ORDER BY u.name`,
      [await projectId('TK-MUONG-2012')],
    );
    expect(thuyKhueUnits.map((u) => u.name)).toEqual(['Phường Ba Đình', 'Phường Thụy Khuê', 'Phường Tây Hồ']);
  });

  it('should end Thụy Khuê with exactly 8 households waiting for resettlement housing, the rest agreed or handed over', async () => {
    const byStatus = await rows<{ status: string; consent_condition: string | null; n: number }>(
      `SELECT status, consent_condition, count(*)::int AS n FROM households WHERE project_id = $1
        GROUP BY status, consent_condition ORDER BY status`,
      [await projectId('TK-MUONG-2012')],
    );
    expect(byStatus.filter((r) => r.status === 'conditional')).toEqual([
      { status: 'conditional', consent_condition: 'resettlement_housing', n: 8 },
    ]);
    expect(byStatus.map((r) => r.status).filter((s) => !['conditional', 'agreed', 'handed_over'].includes(s))).toEqual(
      [],
    );
    const handovers = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM households
        WHERE status = 'handed_over' AND (handover_mode IS DISTINCT FROM 'voluntary' OR handed_over_on IS NULL)`,
    );
    expect(handovers[0]?.n).toBe(0);
  });

  it('should show 44 Thụy Khuê households without consent at the end of 2022, according to the history', async () => {
    const [holdouts] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM households h
         LEFT JOIN LATERAL (
           SELECT t.to_status FROM consent_transitions t
            WHERE t.household_id = h.id AND t.at < '2023-01-01T00:00:00+07:00'
            ORDER BY t.at DESC, t.id DESC LIMIT 1) last ON true
        WHERE h.project_id = $1 AND (last.to_status IS NULL OR last.to_status NOT IN ('agreed', 'handed_over'))`,
      [await projectId('TK-MUONG-2012')],
    );
    expect(holdouts?.n).toBe(44);
  });

  it('should give every household the status of its last transition, reached through allowed moves', async () => {
    const mismatched = await rows(
      `SELECT h.code, h.status, last.to_status
         FROM households h
         LEFT JOIN LATERAL (
           SELECT t.to_status, t.at FROM consent_transitions t WHERE t.household_id = h.id ORDER BY t.at DESC, t.id DESC LIMIT 1
         ) last ON true
        WHERE h.status <> coalesce(last.to_status, 'not_contacted') OR h.status_changed_at <> coalesce(last.at, h.created_at)`,
    );
    expect(mismatched).toEqual([]);

    const moves = await rows<{ from_status: ConsentStatus; to_status: ConsentStatus; previous: ConsentStatus | null }>(
      `SELECT from_status, to_status,
              lag(to_status) OVER (PARTITION BY household_id ORDER BY at, id) AS previous
         FROM consent_transitions`,
    );
    expect(moves.length).toBeGreaterThan(1_000);
    const illegal = moves.filter(
      (m) =>
        !CONSENT_TRANSITIONS[m.from_status].includes(m.to_status) || m.from_status !== (m.previous ?? 'not_contacted'),
    );
    expect(illegal).toEqual([]);
  });

  it('should keep contact, follow-up and area columns consistent with visits and parcels', async () => {
    const inconsistent = await rows(
      `SELECT h.code
         FROM households h
         LEFT JOIN LATERAL (
           SELECT v.visited_at, v.next_follow_up_on FROM visits v WHERE v.household_id = h.id ORDER BY v.visited_at DESC LIMIT 1
         ) latest ON true
        WHERE h.last_contact_at IS DISTINCT FROM latest.visited_at
           OR h.next_follow_up_on IS DISTINCT FROM latest.next_follow_up_on
           OR (h.land_area_source = 'parcels'
               AND h.land_area_m2 <> (SELECT coalesce(sum(p.area_m2), 0) FROM land_parcels p WHERE p.household_id = h.id))`,
    );
    expect(inconsistent).toEqual([]);
    const [shape] = await rows<{ visits: number; multi_officer: number; outcomes: number }>(
      `SELECT count(*)::int AS visits,
              (count(*) FILTER (WHERE cardinality(officers) >= 2))::int AS multi_officer,
              count(DISTINCT outcome)::int AS outcomes
         FROM visits`,
    );
    expect(shape).toMatchObject({ outcomes: 6 });
    expect(shape?.multi_officer).toBe(shape?.visits);
  });

  it('should record held dialogue sessions with minutes and attendance', async () => {
    const sessions = await rows<{ code: string; held: number; with_attendance: number }>(
      `SELECT p.code, count(*)::int AS held,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM dialogue_participants dp WHERE dp.dialogue_session_id = s.id AND dp.attended))::int AS with_attendance
         FROM dialogue_sessions s JOIN projects p ON p.id = s.project_id
        WHERE s.status = 'held' AND s.minutes IS NOT NULL AND s.held_at IS NOT NULL
        GROUP BY p.code ORDER BY p.code`,
    );
    for (const row of sessions) expect(row.with_attendance).toBe(row.held);
    expect(sessions.map((s) => s.code)).toEqual(['NTL-GD3', 'TK-MUONG-2012']);
  });

  it('should make Nam Thăng Long consent by area clearly lower than by households', async () => {
    const [rates] = await rows<{ households: number; by_households: number; by_area: number }>(
      `SELECT count(*)::int AS households,
              (count(*) FILTER (WHERE status IN ('agreed', 'handed_over')))::float / count(*) AS by_households,
              (sum(land_area_m2) FILTER (WHERE status IN ('agreed', 'handed_over')) / sum(land_area_m2))::float AS by_area
         FROM households WHERE project_id = $1 AND archived_at IS NULL`,
      [await projectId('NTL-GD3')],
    );
    expect(rates?.households).toBeGreaterThanOrEqual(200);
    expect((rates?.by_households ?? 0) - (rates?.by_area ?? 0)).toBeGreaterThan(0.25);
  });

  it('should give the working groups overdue follow-ups and Vietnamese names found without diacritics', async () => {
    const [followUps] = await rows<{ overdue: number; upcoming: number }>(
      `SELECT (count(*) FILTER (WHERE next_follow_up_on < $1::date))::int AS overdue,
              (count(*) FILTER (WHERE next_follow_up_on >= $1::date))::int AS upcoming
         FROM households WHERE status <> 'handed_over'`,
      [t.clock.today()],
    );
    expect(followUps?.overdue).toBeGreaterThan(0);
    expect(followUps?.upcoming).toBeGreaterThan(0);

    // The same predicate the household list uses for ?q=: the generated, folded search_text column.
    const found = await rows<{ head_name: string }>(
      `SELECT head_name FROM households WHERE search_text LIKE '%' || gpmb_fold($1) || '%'`,
      ['nguyen'],
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((h) => h.head_name.includes('Nguyễn'))).toBe(true);
  });

  it('should create one demo account per role, each seeing what its role and wards allow', async () => {
    const signIn = async (email: string) => {
      const response = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email, password: DEMO_PASSWORD })
        .expect(200);
      return response.body.accessToken as string;
    };
    const codesSeenBy = async (email: string) => {
      const token = await signIn(email);
      const response = await request(t.http)
        .get('/api/v1/projects')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      return (response.body.items as { code: string }[]).map((p) => p.code).sort();
    };
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(new Set(ROLES));
    expect(await codesSeenBy('admin@demo.gpmb.vn')).toEqual(['NTL-GD3', 'TAMDA-18', 'TK-MUONG-2012']);
    expect(await codesSeenBy('chutich.tayho@demo.gpmb.vn')).toEqual(['TK-MUONG-2012']);
    expect(await codesSeenBy('canbo.phuthuong@demo.gpmb.vn')).toEqual(['NTL-GD3']);
    expect(await codesSeenBy('mttq.hanoi@demo.gpmb.vn')).toEqual(['NTL-GD3', 'TAMDA-18', 'TK-MUONG-2012']);
  });

  it('should leave the working groups reminders to act on once a worker runs', async () => {
    await t.jobs.idle();
    const kinds = await rows<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM reminders GROUP BY kind ORDER BY kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind['visit.follow-up-due']).toBeGreaterThan(0);
    const snapshots = await rows<{ n: number }>('SELECT count(*)::int AS n FROM project_stats_snapshots');
    expect(snapshots[0].n).toBe(3);
  });

  it('should do nothing the second time', async () => {
    const before = await tableCounts();
    await expect(t.app.get(DemoSeeder).seedIfEmpty()).resolves.toBeUndefined();
    expect(await tableCounts()).toEqual(before);
  });
});
