import type { DataSource } from 'typeorm';

/** Values that have broken validators, parsers and queries elsewhere, for any field of any body. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  "'; DROP TABLE households; --",
  '<script>alert(1)</script>',
  'a\u0000b',
  '\ud800',
  'x'.repeat(20_000),
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER,
  0.0000001,
  true,
  '2025-02-30',
  '9999-12-31',
  '9999-99-99T99:99:99Z',
  '00000000-0000-4000-8000-000000000000',
  ['not_contacted'],
  [null],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
];

/** Tables a refused request must leave as they were. */
export const WRITE_TABLES = [
  'administrative_units',
  'projects',
  'households',
  'land_parcels',
  'visits',
  'consent_transitions',
  'dialogue_sessions',
  'complaints',
  'complaint_events',
  'enforcement_records',
  'evidence_files',
  'commitments',
  'commitment_updates',
  'legal_milestones',
  'holidays',
  'reminders',
  'resettlement_funds',
  'resettlement_units',
  'resettlement_offers',
  'webhook_subscriptions',
  'webhook_deliveries',
  'api_keys',
  'users',
  'job_outbox',
  'working_groups',
  'working_group_members',
  'household_assignments',
];

/** Row counts of `tables`, as one comparable string: a refused request must leave it unchanged. */
export async function rowCounts(dataSource: DataSource, tables: readonly string[]): Promise<string> {
  const rows: Record<string, number>[] = await dataSource.query(
    `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
  );
  return JSON.stringify(rows[0]);
}
