import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resettlement housing funds (quỹ nhà tái định cư), their units, and the offers that hand units to
 * households waiting on resettlement housing. The partial unique indexes are the backstop of the
 * offer rules: a unit and a household each have at most one pending offer, and at most one
 * accepted one, whatever races the jobs and the API run into.
 */
export class Resettlement1764420000000 implements MigrationInterface {
  name = 'Resettlement1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resettlement_funds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        site varchar(500) NOT NULL,
        administrative_unit_id uuid NOT NULL REFERENCES administrative_units(id),
        offer_expiry_days integer NOT NULL DEFAULT 15 CHECK (offer_expiry_days BETWEEN 1 AND 365),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resettlement_funds_unit_idx ON resettlement_funds (administrative_unit_id)`);

    await q.query(`
      CREATE TABLE resettlement_fund_projects (
        fund_id uuid NOT NULL REFERENCES resettlement_funds(id),
        project_id uuid NOT NULL REFERENCES projects(id),
        PRIMARY KEY (fund_id, project_id)
      )`);
    await q.query(`CREATE INDEX resettlement_fund_projects_project_idx ON resettlement_fund_projects (project_id)`);

    await q.query(`
      CREATE TABLE resettlement_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES resettlement_funds(id),
        code varchar(50) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('apartment', 'land_plot')),
        area_m2 numeric(10, 2) NOT NULL CHECK (area_m2 > 0),
        status varchar(16) NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'offered', 'allocated')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resettlement_units_fund_code_key UNIQUE (fund_id, code)
      )`);
    await q.query(
      `CREATE INDEX resettlement_units_available_idx ON resettlement_units (fund_id, code) WHERE status = 'available'`,
    );

    await q.query(`
      CREATE TABLE resettlement_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES resettlement_units(id),
        household_id uuid NOT NULL REFERENCES households(id),
        offered_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
        responded_at timestamptz,
        closed_at timestamptz,
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resettlement_offers_expiry_after_offer CHECK (expires_at > offered_at),
        CONSTRAINT resettlement_offers_responded_when_answered
          CHECK ((status IN ('accepted', 'declined')) = (responded_at IS NOT NULL)),
        CONSTRAINT resettlement_offers_closed_unless_pending CHECK ((status = 'pending') = (closed_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX resettlement_offers_one_pending_per_unit ON resettlement_offers (unit_id) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX resettlement_offers_one_pending_per_household ON resettlement_offers (household_id) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX resettlement_offers_one_accepted_per_unit ON resettlement_offers (unit_id) WHERE status = 'accepted'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX resettlement_offers_one_accepted_per_household ON resettlement_offers (household_id) WHERE status = 'accepted'`,
    );
    await q.query(`CREATE INDEX resettlement_offers_household_idx ON resettlement_offers (household_id, offered_at)`);
    await q.query(`CREATE INDEX resettlement_offers_unit_idx ON resettlement_offers (unit_id, offered_at)`);
    await q.query(
      `CREATE INDEX resettlement_offers_expiry_idx ON resettlement_offers (expires_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resettlement_offers`);
    await q.query(`DROP TABLE resettlement_units`);
    await q.query(`DROP TABLE resettlement_fund_projects`);
    await q.query(`DROP TABLE resettlement_funds`);
  }
}
