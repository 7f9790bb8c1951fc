/**
 * Set-based statements that seed one project's households, parcels, visits, consent history and
 * follow-up reminders in a few statements (generate_series, no row-by-row round trips). Rows look
 * like what the app writes: a first visit moves a household to persuading (with its transition),
 * the latest visit sets last contact and the next follow-up, later transitions carry their
 * condition or hand-over, versions count the changes, and each live follow-up has its reminder.
 *
 * The random draws are taken once into a temporary plan (after setseed, so runs are alike);
 * everything else is derived from it. The plan also names each household's first and last visit
 * ids up front, so transitions and reminders point at their visits without searching for them.
 * Parameters are listed with each statement.
 */

/**
 * $1 household count, $2 code prefix, $3 family names, $4 middle names, $5 given names,
 * $6 streets, $7 land uses, $8 conditions. Statuses: 8 % not contacted, 24 % persuading,
 * 10 % objecting, 8 % conditional, 32 % agreed, 18 % handed over. Last contacts fall in the last
 * 30 days (hand-overs 30–330 days ago) and follow-ups 14–45 days after them, so about one live
 * household in eight is overdue.
 */
export const PLAN_HOUSEHOLDS = `
  CREATE TEMP TABLE seed_plan AS
  WITH draws AS (
    SELECT i, random() AS r_status, random() AS r_family, random() AS r_middle, random() AS r_given,
           random() AS r_contact, random() AS r_follow, random() AS r_visits, random() AS r_area1,
           random() AS r_area2, random() AS r_misc
      FROM generate_series(1, $1::int) AS g(i)
  ), shaped AS (
    SELECT d.*,
           CASE WHEN r_status < 0.08 THEN 'not_contacted' WHEN r_status < 0.32 THEN 'persuading'
                WHEN r_status < 0.42 THEN 'objecting' WHEN r_status < 0.50 THEN 'conditional'
                WHEN r_status < 0.82 THEN 'agreed' ELSE 'handed_over' END AS status
      FROM draws d
  ), timed AS (
    SELECT s.*,
           CASE status WHEN 'not_contacted' THEN 0 WHEN 'persuading' THEN 1 + floor(r_visits * 2)
                WHEN 'agreed' THEN 2 + floor(r_visits * 2) WHEN 'conditional' THEN 2 + floor(r_visits * 2)
                ELSE 2 + floor(r_visits * 3) END::int AS n_visits,
           CASE WHEN status = 'not_contacted' THEN NULL
                WHEN status = 'handed_over' THEN now() - interval '30 days' - r_contact * interval '300 days'
                ELSE now() - r_contact * interval '30 days' END AS last_contact_at,
           interval '9 days' + r_misc * interval '10 days' AS visit_gap,
           gen_random_uuid() AS first_visit_id, gen_random_uuid() AS other_visit_id
      FROM shaped s
  )
  SELECT i, status, n_visits, last_contact_at, visit_gap, first_visit_id,
         CASE WHEN n_visits = 1 THEN first_visit_id ELSE other_visit_id END AS last_visit_id,
         format('%s-%s', $2::text, lpad(i::text, 6, '0')) AS code,
         concat_ws(' ', ($3::text[])[1 + floor(r_family * cardinality($3::text[]))::int],
                        ($4::text[])[1 + floor(r_middle * cardinality($4::text[]))::int],
                        ($5::text[])[1 + floor(r_given * cardinality($5::text[]))::int]) AS head_name,
         format('Số %s, ngõ %s %s, Phú Thượng', 1 + (i * 7) % 240, 1 + (i * 13) % 120,
                ($6::text[])[1 + i % cardinality($6::text[])]) AS address,
         '09' || lpad(((i::bigint * 7919) % 100000000)::text, 8, '0') AS phone,
         1 + floor(r_given * 7)::int AS member_count,
         round((40 + r_area1 * r_area1 * 1960)::numeric, 1) AS area1,
         CASE WHEN r_area2 < 0.35 THEN round((40 + r_area2 * 1960)::numeric, 1) END AS area2,
         ($7::text[])[1 + floor(r_area1 * cardinality($7::text[]))::int] AS land_use,
         CASE WHEN status = 'conditional' THEN ($8::text[])[1 + floor(r_follow * cardinality($8::text[]))::int] END
           AS consent_condition,
         r_misc < 0.2 AS needs_resettlement,
         r_given < 0.05 AS vulnerable,
         CASE WHEN status IN ('persuading', 'objecting', 'conditional', 'agreed')
              THEN (last_contact_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + (14 + floor(r_follow * 32))::int END
           AS next_follow_up_on,
         last_contact_at - (n_visits - 1) * visit_gap AS first_visit_at
    FROM timed`;

/** $1 project id. Versions count one change per visit and one per later status move. */
export const INSERT_HOUSEHOLDS = `
  INSERT INTO households (project_id, code, head_name, address, phone, member_count, land_area_m2,
                          land_area_source, needs_resettlement, vulnerable, status, consent_condition,
                          consent_condition_note, handover_mode, handed_over_on, status_changed_at,
                          last_contact_at, next_follow_up_on, version, created_at, updated_at)
  SELECT $1::uuid, code, head_name, address, phone, member_count, area1 + coalesce(area2, 0), 'parcels',
         needs_resettlement, vulnerable, status, consent_condition,
         CASE WHEN consent_condition IS NOT NULL THEN 'Hộ đồng ý nếu điều kiện được đáp ứng' END,
         CASE WHEN status = 'handed_over' THEN 'voluntary' END,
         CASE WHEN status = 'handed_over'
              THEN ((last_contact_at + interval '3 days') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
         CASE status WHEN 'not_contacted' THEN now() - interval '400 days' WHEN 'persuading' THEN first_visit_at
                     WHEN 'handed_over' THEN last_contact_at + interval '3 days' ELSE last_contact_at END,
         last_contact_at, next_follow_up_on,
         1 + n_visits + CASE status WHEN 'not_contacted' THEN 0 WHEN 'persuading' THEN 0
                                    WHEN 'handed_over' THEN 2 ELSE 1 END,
         now() - interval '400 days',
         coalesce(last_contact_at, now() - interval '400 days')
    FROM seed_plan`;

/** $1 project id: the plan with the ids the households were given. */
export const PLAN_IDS = `
  CREATE TEMP TABLE seed_ids AS
  SELECT p.*, h.id AS household_id FROM seed_plan p JOIN households h ON h.project_id = $1::uuid AND h.code = p.code`;

/** One or two parcels per household; the household's area is their sum (source `parcels`). */
export const INSERT_PARCELS = `
  INSERT INTO land_parcels (household_id, map_sheet, parcel_number, area_m2, land_use)
  SELECT household_id, (10 + i % 40)::text, (2 * i)::text, area1, land_use FROM seed_ids
  UNION ALL
  SELECT household_id, (10 + i % 40)::text, (2 * i + 1)::text, area2, 'LUC' FROM seed_ids WHERE area2 IS NOT NULL`;

/**
 * $1 project id, $2 officers present, $3 notes, $4 author's name, $5 author's user id. Visits are
 * spaced `visit_gap` apart, ending at the household's last contact; the last one carries the
 * household's follow-up date and an outcome matching its status.
 */
export const INSERT_VISITS = `
  INSERT INTO visits (id, household_id, project_id, visited_at, officers, outcome, notes, next_follow_up_on,
                      created_by, created_by_id, created_at)
  SELECT CASE v.k WHEN 1 THEN s.first_visit_id WHEN s.n_visits THEN s.last_visit_id ELSE gen_random_uuid() END,
         s.household_id, $1::uuid, t.visited_at, $2::text[],
         CASE WHEN v.k < s.n_visits THEN (ARRAY['absent', 'listened', 'hesitant'])[1 + (s.i + v.k) % 3]
              ELSE CASE s.status WHEN 'persuading' THEN 'hesitant' WHEN 'objecting' THEN 'refused'
                                 WHEN 'conditional' THEN 'conditional' ELSE 'agreed' END END,
         ($3::text[])[1 + (s.i + v.k) % cardinality($3::text[])],
         CASE WHEN v.k < s.n_visits THEN (t.visited_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 7
              ELSE s.next_follow_up_on END,
         $4::text, $5::uuid, t.visited_at
    FROM seed_ids s
   CROSS JOIN LATERAL generate_series(1, s.n_visits) AS v(k)
   CROSS JOIN LATERAL (SELECT s.last_contact_at - (s.n_visits - v.k) * s.visit_gap AS visited_at) t`;

/** $1 project id, $2 the first-visit reason, $3 author's name, $4 author's user id: every contacted household's move out of not_contacted. */
export const INSERT_FIRST_TRANSITIONS = `
  INSERT INTO consent_transitions (household_id, project_id, from_status, to_status, reason, evidence,
                                   visit_id, actor, actor_id, at)
  SELECT household_id, $1::uuid, 'not_contacted', 'persuading', $2::text, '[]'::jsonb,
         first_visit_id, $3::text, $4::uuid, first_visit_at
    FROM seed_ids WHERE n_visits > 0`;

/**
 * $1 project id, $2 actor's name, $3 actor's user id: the move decided at the last visit (a hand-over
 * first agrees there), then the hand-over three days later.
 */
export const INSERT_LATER_TRANSITIONS = `
  INSERT INTO consent_transitions (household_id, project_id, from_status, to_status, reason,
                                   consent_condition, consent_condition_note, handover_mode, handed_over_on,
                                   evidence, actor, actor_id, at)
  SELECT household_id, $1::uuid, 'persuading', CASE status WHEN 'handed_over' THEN 'agreed' ELSE status END,
         CASE status WHEN 'objecting' THEN 'Hộ không đồng ý với đơn giá bồi thường'
                     WHEN 'conditional' THEN 'Hộ đồng ý nếu điều kiện được đáp ứng'
                     ELSE 'Hộ đồng ý phương án bồi thường' END,
         consent_condition, CASE WHEN consent_condition IS NOT NULL THEN 'Hộ đồng ý nếu điều kiện được đáp ứng' END,
         NULL, NULL, '[]'::jsonb, $2::text, $3::uuid, last_contact_at
    FROM seed_ids WHERE status IN ('objecting', 'conditional', 'agreed', 'handed_over')
  UNION ALL
  SELECT household_id, $1::uuid, 'agreed', 'handed_over', 'Hộ đã bàn giao mặt bằng', NULL, NULL, 'voluntary',
         ((last_contact_at + interval '3 days') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
         '[{"kind": "minutes", "reference": "BB-BG"}]'::jsonb, $2::text, $3::uuid, last_contact_at + interval '3 days'
    FROM seed_ids WHERE status = 'handed_over'`;

/**
 * $1 project id, $2 ward id, $3 the last visit's author: the live follow-up reminder of each household's last visit, due at
 * 08:00 on its date. Those already due were fired by the sweep (open), so none fires mid-bench.
 */
export const INSERT_FOLLOW_UP_REMINDERS = `
  INSERT INTO reminders (kind, subject_type, subject_id, project_id, household_id, administrative_unit_id,
                         assignee_role, title, details, due_at, status, dedupe_key, fired_at)
  SELECT 'visit.follow-up-due', 'household', s.household_id, $1::uuid, s.household_id, $2::uuid, 'officer',
         format('Đến hạn thăm lại hộ %s (%s)', s.head_name, s.code),
         jsonb_build_object('visitId', s.last_visit_id,
                            'visitedAt', to_char(s.last_contact_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                            'nextFollowUpOn', s.next_follow_up_on, 'householdCode', s.code, 'lastVisitBy', $3::text),
         due.at, CASE WHEN due.at <= now() THEN 'open' ELSE 'scheduled' END,
         format('follow-up:%s:%s', s.household_id, s.last_visit_id),
         CASE WHEN due.at <= now() THEN due.at END
    FROM seed_ids s
   CROSS JOIN LATERAL (SELECT (s.next_follow_up_on + time '08:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS at) due
   WHERE s.next_follow_up_on IS NOT NULL`;

export const DROP_PLAN = `DROP TABLE seed_ids; DROP TABLE seed_plan`;
