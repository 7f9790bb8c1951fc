/**
 * The statements of the raw server, written out by hand. Each one mirrors a statement the product
 * sends for the same request (captured from a running product: test/bench/sql-capture.ts), with
 * the same tables, predicates, columns and number of round trips; only TypeORM's aliasing is gone.
 */

export const HOUSEHOLD_COLUMNS = `id, project_id, code, head_name, address, phone, member_count, land_area_m2,
  land_area_source, needs_resettlement, vulnerable, status, consent_condition, consent_condition_note, handover_mode,
  handed_over_on, status_changed_at, last_contact_at, next_follow_up_on, archived_at, archive_reason, version,
  created_at, updated_at`;

const VISIT_COLUMNS = `id, household_id, project_id, visited_at, officers, outcome, notes, next_follow_up_on, created_by,
  created_by_id, created_at`;

// Who is calling (access guard): the account with its units, and whether its sign-in is live.
export const ACTIVE_USER = `
  SELECT u.id, u.email, u.full_name, u.role,
         coalesce(array_agg(uau.administrative_unit_id::text)
                  FILTER (WHERE uau.administrative_unit_id IS NOT NULL), '{}') AS unit_ids
    FROM users u LEFT JOIN user_administrative_units uau ON uau.user_id = u.id
   WHERE u.id = $1 AND u.active
   GROUP BY u.id`;
export const SESSION_LIVE = `
  SELECT 1 FROM refresh_tokens
   WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3 LIMIT 1`;

// What the caller may see: its units and those below, then the projects in them.
export const UNIT_SUBTREE = `
  WITH RECURSIVE subtree AS (
    SELECT id FROM administrative_units WHERE id = ANY($1)
    UNION
    SELECT child.id FROM administrative_units child JOIN subtree ON child.parent_id = subtree.id
  )
  SELECT id FROM subtree`;
export const PROJECTS_IN_UNITS = `
  SELECT DISTINCT pau.project_id FROM project_administrative_units pau WHERE pau.administrative_unit_id = ANY($1)`;

export const HOUSEHOLD_BY_ID = `SELECT ${HOUSEHOLD_COLUMNS} FROM households WHERE id = $1 LIMIT 1`;
export const HOUSEHOLD_BY_ID_FOR_UPDATE = `${HOUSEHOLD_BY_ID} FOR UPDATE`;
/** TypeORM's save() reads the row again before its UPDATE. */
export const HOUSEHOLD_BEFORE_SAVE = `SELECT ${HOUSEHOLD_COLUMNS} FROM households WHERE id = $1`;
export const PARCELS_OF = `
  SELECT id, household_id, map_sheet, parcel_number, area_m2, land_use, created_at
    FROM land_parcels WHERE household_id = $1 ORDER BY map_sheet ASC, parcel_number ASC`;
export const PROJECT_EXISTS = `SELECT 1 FROM projects WHERE id = $1`;
export const HOUSEHOLD_PROJECT = `SELECT project_id FROM households WHERE id = $1`;

export const CLAIM_IDEMPOTENCY_KEY = `
  INSERT INTO idempotency_keys (principal_id, key, method, path, request_hash, state, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, 'in_progress', $6, $7) ON CONFLICT DO NOTHING RETURNING key`;
export const COMPLETE_IDEMPOTENCY_KEY = `
  UPDATE idempotency_keys SET state = 'completed', response_status = $1, response_body = $2::jsonb
   WHERE principal_id = $3 AND key = $4`;
export const VISIT_BY_IDEMPOTENCY_KEY = `
  SELECT ${VISIT_COLUMNS}, request_hash FROM visits WHERE household_id = $1 AND idempotency_key = $2`;
export const INSERT_VISIT = `
  INSERT INTO visits (household_id, project_id, visited_at, officers, outcome, notes, next_follow_up_on,
                      idempotency_key, request_hash, created_by, created_by_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, created_at`;
export const INSERT_TRANSITION = `
  INSERT INTO consent_transitions (household_id, project_id, from_status, to_status, reason, evidence, visit_id,
                                   actor, actor_id, at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, evidence`;
export const UPDATE_HOUSEHOLD_CONTACT = `
  UPDATE households SET last_contact_at = $1, next_follow_up_on = $2, version = $3, updated_at = CURRENT_TIMESTAMP
   WHERE id = $4 RETURNING updated_at`;
export const UPDATE_HOUSEHOLD_FIRST_CONTACT = `
  UPDATE households SET status = $1, status_changed_at = $2, last_contact_at = $3, next_follow_up_on = $4,
                        version = $5, updated_at = CURRENT_TIMESTAMP
   WHERE id = $6 RETURNING updated_at`;
export const INSERT_AUDIT = `
  INSERT INTO audit_log (at, actor_type, actor_id, actor_name, action, entity, entity_id, project_id, changes,
                         request_id, ip)
  SELECT * FROM unnest($1::timestamptz[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[],
                       $7::varchar[], $8::uuid[], $9::jsonb[], $10::varchar[], $11::varchar[])`;

/** `rows` outbox rows in one INSERT, six parameters each (name, queue, payload, job id, delay, created). */
export function insertOutbox(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) => {
    const p = (n: number) => `$${row * 6 + n}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`;
  });
  return `INSERT INTO job_outbox (name, queue, payload, job_id, delay_ms, created_at) VALUES ${tuples.join(', ')}`;
}

// Statistics: one statement over the counters the database keeps (migration StatsCounters).
export const PROJECT_FIGURES = `
  SELECT p.id, p.code, p.name, p.status, p.consent_threshold::text AS consent_threshold,
         (SELECT json_object_agg(c.status, json_build_array(c.households, c.area_m2))
            FROM stats_household_counters c WHERE c.project_id = p.id) AS tallies,
         coalesce((SELECT t.visits FROM stats_visit_counters t WHERE t.project_id = p.id), 0) AS visits_total,
         ( coalesce((SELECT sum(d.visits) FROM stats_visit_days d
                      WHERE d.project_id = p.id AND d.day >= $2::date AND d.day < $3::date), 0)
         + coalesce((SELECT sum(h.visits) FROM stats_visit_hours h
                      WHERE h.project_id = p.id AND h.hour >= $4 AND h.hour < $5), 0)
         + coalesce((SELECT sum(h.visits) FROM stats_visit_hours h
                      WHERE h.project_id = p.id AND h.hour >= $6 AND h.hour < $7), 0)
         + (SELECT count(*) FROM visits v WHERE v.project_id = p.id AND v.visited_at > $8 AND v.visited_at < $9)
         + (SELECT count(*) FROM visits v WHERE v.project_id = p.id AND v.visited_at >= $10 AND v.visited_at <= $11)
         )::int AS visits_recent,
         coalesce((SELECT sum(f.households) FROM stats_follow_up_counters f
                    WHERE f.project_id = p.id AND f.follow_up_on < $12::date
                      AND f.status <> ALL($13::varchar[])), 0)::int AS overdue
    FROM projects p
   WHERE p.id = ANY($1::uuid[])
   ORDER BY p.code, p.id`;

// The households list: one page in code order (a row more, to know there is a next), and the
// count of the same filter stopped at the cap, at once.
const SEARCH = `project_id = $1 AND archived_at IS NULL AND search_text LIKE '%' || gpmb_fold($2) || '%'`;
const OVERDUE = `project_id = $1 AND archived_at IS NULL AND next_follow_up_on < $2 AND status <> 'handed_over'`;
export const SEARCH_PAGE = `
  SELECT ${HOUSEHOLD_COLUMNS} FROM households WHERE ${SEARCH} ORDER BY code ASC LIMIT $3 OFFSET $4`;
export const SEARCH_COUNT = `SELECT count(*)::int AS n FROM (SELECT 1 FROM households WHERE ${SEARCH} LIMIT $3) AS m`;
export const OVERDUE_PAGE = `
  SELECT ${HOUSEHOLD_COLUMNS} FROM households WHERE ${OVERDUE} ORDER BY code ASC LIMIT $3 OFFSET $4`;
export const OVERDUE_COUNT = `SELECT count(*)::int AS n FROM (SELECT 1 FROM households WHERE ${OVERDUE} LIMIT $3) AS m`;
