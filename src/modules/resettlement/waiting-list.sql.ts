/**
 * The waiting list is a read model over the households table: households `conditional` on
 * resettlement housing in one of the fund's projects, in the order of domain/waiting-list.ts
 * (the ORDER BY below must say the same thing).
 */
export const WAITING = `
  FROM households h
  JOIN resettlement_fund_projects fp ON fp.project_id = h.project_id AND fp.fund_id = $1
  WHERE h.status = 'conditional' AND h.consent_condition = 'resettlement_housing' AND h.archived_at IS NULL`;
export const WAITING_ORDER = `ORDER BY h.vulnerable DESC, h.status_changed_at ASC, h.code ASC, h.id ASC`;
/** The whole waiting list ranked ($1: the fund), as a CTE `ranked`; filter it only afterwards. */
export const RANKED_WAITING = `
  WITH ranked AS (
    SELECT h.id, h.project_id, h.code, h.head_name, h.vulnerable, h.status_changed_at,
           row_number() OVER (${WAITING_ORDER})::int AS position
    ${WAITING}
  )`;
/** Keeps the ranked rows of the visible projects ($2: their ids, or null for every project). */
export const VISIBLE_RANKED = `WHERE ($2::uuid[] IS NULL OR r.project_id = ANY($2::uuid[]))`;

export interface Page {
  limit: number;
  offset: number;
}
