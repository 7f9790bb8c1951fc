import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core CRM schema: administrative units, projects, households with parcels, the consent history,
 * visits and dialogue sessions. Reviewed by hand: TypeORM cannot express the generated search column,
 * partial indexes or the trigram index.
 */
export class CoreSchema1764380000000 implements MigrationInterface {
  name = 'CoreSchema1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change), so it cannot feed a generated column
    // or an index directly; pinning the dictionary makes the wrapper safe to declare IMMUTABLE.
    await q.query(`
      CREATE FUNCTION gpmb_fold(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$`);

    await q.query(`
      CREATE TABLE administrative_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(200) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('province', 'district', 'ward', 'commune')),
        parent_id uuid REFERENCES administrative_units(id),
        valid_from date,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT administrative_units_code_key UNIQUE (code),
        CONSTRAINT administrative_units_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX administrative_units_parent_idx ON administrative_units (parent_id)`);

    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        description text,
        total_area_m2 numeric(14, 2) CHECK (total_area_m2 >= 0),
        started_on date,
        target_on date,
        cutoff_on date,
        consent_threshold numeric(5, 4) NOT NULL DEFAULT 0.75 CHECK (consent_threshold > 0 AND consent_threshold <= 1),
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'suspended')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projects_code_key UNIQUE (code)
      )`);

    await q.query(`
      CREATE TABLE project_administrative_units (
        project_id uuid NOT NULL REFERENCES projects(id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_units(id),
        PRIMARY KEY (project_id, administrative_unit_id)
      )`);
    await q.query(
      `CREATE INDEX project_administrative_units_unit_idx ON project_administrative_units (administrative_unit_id)`,
    );

    await q.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        code varchar(50) NOT NULL,
        head_name varchar(200) NOT NULL,
        address varchar(500),
        phone varchar(30),
        member_count integer CHECK (member_count >= 0),
        land_area_m2 numeric(14, 2) NOT NULL DEFAULT 0 CHECK (land_area_m2 >= 0),
        land_area_source varchar(16) NOT NULL DEFAULT 'declared' CHECK (land_area_source IN ('declared', 'parcels')),
        needs_resettlement boolean NOT NULL DEFAULT false,
        vulnerable boolean NOT NULL DEFAULT false,
        status varchar(32) NOT NULL DEFAULT 'not_contacted' CHECK (status IN
          ('not_contacted', 'persuading', 'objecting', 'conditional', 'agreed', 'enforcement_pending', 'handed_over')),
        consent_condition varchar(50),
        consent_condition_note text,
        handover_mode varchar(16) CHECK (handover_mode IN ('voluntary', 'enforced')),
        handed_over_on date,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        last_contact_at timestamptz,
        next_follow_up_on date,
        archived_at timestamptz,
        archive_reason text,
        search_text text GENERATED ALWAYS AS (gpmb_fold(code || ' ' || head_name || ' ' || coalesce(address, ''))) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT households_project_code_key UNIQUE (project_id, code),
        CONSTRAINT households_condition_only_when_conditional CHECK (status = 'conditional' OR consent_condition IS NULL),
        CONSTRAINT households_handover_only_when_handed_over CHECK (status = 'handed_over' OR handover_mode IS NULL)
      )`);
    // Statistics read status and area for every live household of a project: covering index.
    await q.query(`
      CREATE INDEX households_project_status_idx ON households (project_id, status) INCLUDE (land_area_m2)
      WHERE archived_at IS NULL`);
    await q.query(`
      CREATE INDEX households_project_follow_up_idx ON households (project_id, next_follow_up_on)
      WHERE archived_at IS NULL AND next_follow_up_on IS NOT NULL`);
    await q.query(`CREATE INDEX households_search_trgm_idx ON households USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE land_parcels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households(id),
        map_sheet varchar(20) NOT NULL,
        parcel_number varchar(20) NOT NULL,
        area_m2 numeric(14, 2) NOT NULL CHECK (area_m2 > 0),
        land_use varchar(50),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX land_parcels_household_idx ON land_parcels (household_id)`);

    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES households(id),
        project_id uuid NOT NULL REFERENCES projects(id),
        visited_at timestamptz NOT NULL,
        officers text[] NOT NULL CHECK (cardinality(officers) >= 1),
        outcome varchar(16) NOT NULL CHECK (outcome IN ('absent', 'listened', 'hesitant', 'refused', 'conditional', 'agreed')),
        notes text,
        next_follow_up_on date,
        idempotency_key varchar(200),
        request_hash char(64),
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visits_household_idempotency_key UNIQUE (household_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX visits_household_visited_idx ON visits (household_id, visited_at DESC)`);
    await q.query(`CREATE INDEX visits_project_visited_idx ON visits (project_id, visited_at)`);

    await q.query(`
      CREATE TABLE consent_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES households(id),
        project_id uuid NOT NULL REFERENCES projects(id),
        from_status varchar(32) NOT NULL,
        to_status varchar(32) NOT NULL,
        reason text NOT NULL,
        consent_condition varchar(50),
        consent_condition_note text,
        handover_mode varchar(16),
        handed_over_on date,
        evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
        visit_id uuid REFERENCES visits(id),
        actor varchar(200) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_transitions_household_idx ON consent_transitions (household_id, at, id)`);
    await q.query(`CREATE INDEX consent_transitions_project_idx ON consent_transitions (project_id, at)`);

    await q.query(`
      CREATE TABLE dialogue_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        scheduled_at timestamptz NOT NULL,
        location varchar(300) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('formal', 'informal')),
        chair varchar(200) NOT NULL,
        agenda text,
        status varchar(16) NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
        held_at timestamptz,
        minutes text,
        cancel_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dialogue_sessions_held_has_time CHECK (status <> 'held' OR held_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX dialogue_sessions_project_idx ON dialogue_sessions (project_id, scheduled_at)`);

    await q.query(`
      CREATE TABLE dialogue_participants (
        dialogue_session_id uuid NOT NULL REFERENCES dialogue_sessions(id),
        household_id uuid NOT NULL REFERENCES households(id),
        attended boolean,
        position varchar(16) CHECK (position IN ('agree', 'object', 'conditional', 'undecided')),
        note text,
        PRIMARY KEY (dialogue_session_id, household_id)
      )`);
    await q.query(`CREATE INDEX dialogue_participants_household_idx ON dialogue_participants (household_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'dialogue_participants',
      'dialogue_sessions',
      'consent_transitions',
      'visits',
      'land_parcels',
      'households',
      'project_administrative_units',
      'projects',
      'administrative_units',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION gpmb_fold(text)`);
  }
}
