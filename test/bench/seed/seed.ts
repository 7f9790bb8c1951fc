import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { productPasswords } from '../product-modules.js';
import * as sql from './seed-sql.js';
import {
  CHAIR,
  CONDITIONS,
  FAMILY_NAMES,
  FIELD_TEAM,
  FIRST_VISIT_REASON,
  GIVEN_NAMES,
  LAND_USES,
  MIDDLE_NAMES,
  OFFICER,
  STREETS,
  VISIT_NOTES,
} from './vietnamese.js';

export interface BenchAccount {
  email: string;
  password: string;
  id: string;
}

export interface SeedSummary {
  wardId: string;
  bigProjectId: string;
  smallProjectId: string;
  officer: BenchAccount;
  chair: BenchAccount;
  counts: Record<string, number>;
  /** Seconds per step, to see where seeding time goes. */
  steps: Record<string, number>;
  seconds: number;
}

interface ProjectSpec {
  code: string;
  name: string;
  households: number;
  householdPrefix: string;
}

const one = async (db: pg.Client, text: string, values: unknown[] = []): Promise<string> =>
  (await db.query<{ id: string }>(text, values)).rows[0].id;

async function insertUnits(db: pg.Client): Promise<string> {
  const city = await one(
    db,
    `INSERT INTO administrative_units (code, name, level) VALUES ('BENCH-HN', 'Thành phố Hà Nội', 'province') RETURNING id`,
  );
  return one(
    db,
    `INSERT INTO administrative_units (code, name, level, parent_id, valid_from)
     VALUES ('BENCH-P-PHUTHUONG', 'Phường Phú Thượng', 'ward', $1, '2025-07-01') RETURNING id`,
    [city],
  );
}

async function insertProject(db: pg.Client, spec: ProjectSpec, wardId: string): Promise<string> {
  const id = await one(
    db,
    `INSERT INTO projects (code, name, description, started_on, target_on, consent_threshold)
     VALUES ($1, $2, 'Dữ liệu cho benchmark', '2024-03-01', '2027-12-31', 0.75) RETURNING id`,
    [spec.code, spec.name],
  );
  await db.query(`INSERT INTO project_administrative_units (project_id, administrative_unit_id) VALUES ($1, $2)`, [
    id,
    wardId,
  ]);
  return id;
}

/** Accounts with a random password per run, hashed by the product's own function (argon2id). */
async function insertAccount(
  db: pg.Client,
  account: typeof OFFICER | typeof CHAIR,
  wardId: string,
): Promise<BenchAccount> {
  const { hashPassword } = await productPasswords();
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  const id = await one(
    db,
    `INSERT INTO users (email, full_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [account.email, account.fullName, await hashPassword(password), account.role],
  );
  await db.query(`INSERT INTO user_administrative_units (user_id, administrative_unit_id) VALUES ($1, $2)`, [
    id,
    wardId,
  ]);
  return { email: account.email, password, id };
}

type Step = (label: string, text: string, values?: unknown[]) => Promise<void>;

/** Runs statements on one client, adding each one's duration to `steps` under its label. */
function stepper(db: pg.Client, steps: Record<string, number>): Step {
  return async (label, text, values = []) => {
    const started = performance.now();
    await db.query(text, values);
    steps[label] = (steps[label] ?? 0) + (performance.now() - started) / 1000;
  };
}

async function seedHouseholds(step: Step, spec: ProjectSpec, projectId: string, wardId: string, officerId: string) {
  await step('plan', sql.PLAN_HOUSEHOLDS, [
    spec.households,
    spec.householdPrefix,
    FAMILY_NAMES,
    MIDDLE_NAMES,
    GIVEN_NAMES,
    STREETS,
    LAND_USES,
    CONDITIONS,
  ]);
  await step('households', sql.INSERT_HOUSEHOLDS, [projectId]);
  await step('plan', sql.PLAN_IDS, [projectId]);
  await step('parcels', sql.INSERT_PARCELS);
  await step('visits', sql.INSERT_VISITS, [projectId, FIELD_TEAM, VISIT_NOTES, OFFICER.fullName, officerId]);
  await step('transitions', sql.INSERT_FIRST_TRANSITIONS, [projectId, FIRST_VISIT_REASON, OFFICER.fullName, officerId]);
  await step('transitions', sql.INSERT_LATER_TRANSITIONS, [projectId, OFFICER.fullName, officerId]);
  await step('reminders', sql.INSERT_FOLLOW_UP_REMINDERS, [projectId, wardId, OFFICER.fullName]);
  await step('plan', sql.DROP_PLAN);
}

async function countRows(db: pg.Client): Promise<Record<string, number>> {
  const tables = ['households', 'land_parcels', 'visits', 'consent_transitions', 'reminders', 'users'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  }
  const overdue = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM households
      WHERE next_follow_up_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND status <> 'handed_over'`,
  );
  counts.overdueHouseholds = overdue.rows[0].n;
  return counts;
}

/**
 * Seeds a ward, a 100k-household project and a small second one, two accounts, then vacuums and
 * analyzes so the planner sees the data as a live database's autovacuum would have left it.
 */
export async function seed(connectionString: string, households: number, smallHouseholds: number) {
  const started = Date.now();
  const db = new pg.Client({ connectionString, application_name: 'gpmb-bench-seed' });
  const steps: Record<string, number> = {};
  const step = stepper(db, steps);
  await db.connect();
  try {
    // The same draws every run, so two runs measure the same data.
    await db.query(`SELECT setseed(0.2026)`);
    await db.query('BEGIN');
    const wardId = await insertUnits(db);
    const big: ProjectSpec = {
      code: 'BENCH-100K',
      name: 'Khu đô thị mới Phú Thượng – dữ liệu benchmark',
      households,
      householdPrefix: 'BK',
    };
    const small: ProjectSpec = {
      code: 'BENCH-SMALL',
      name: 'Mở rộng đường Âu Cơ – dữ liệu benchmark',
      households: smallHouseholds,
      householdPrefix: 'BS',
    };
    const bigProjectId = await insertProject(db, big, wardId);
    const smallProjectId = await insertProject(db, small, wardId);
    const officer = await insertAccount(db, OFFICER, wardId);
    const chair = await insertAccount(db, CHAIR, wardId);
    await seedHouseholds(step, big, bigProjectId, wardId, officer.id);
    await seedHouseholds(step, small, smallProjectId, wardId, officer.id);
    await step('commit', 'COMMIT');
    await step('vacuum analyze', 'VACUUM ANALYZE');
    const counts = await countRows(db);
    return {
      wardId,
      bigProjectId,
      smallProjectId,
      officer,
      chair,
      counts,
      steps,
      seconds: (Date.now() - started) / 1000,
    } satisfies SeedSummary;
  } finally {
    await db.end();
  }
}
