import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions and their delivery log; nightly consent snapshots for the timeline. */
export class WebhooksAndSnapshots1764430000000 implements MigrationInterface {
  name = 'WebhooksAndSnapshots1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url varchar(2000) NOT NULL CHECK (url ~* '^https?://'),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        secret varchar(128) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        description text,
        created_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webhook_subscriptions_events_idx ON webhook_subscriptions USING gin (events) WHERE active`,
    );

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        event varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        round_attempts integer NOT NULL DEFAULT 0 CHECK (round_attempts >= 0 AND round_attempts <= attempts),
        last_status_code integer,
        last_error text,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC, id)`,
    );

    await q.query(`
      CREATE TABLE project_stats_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        taken_on date NOT NULL,
        households_total integer NOT NULL CHECK (households_total >= 0),
        households_consented integer NOT NULL CHECK (households_consented >= 0),
        households_conditional integer NOT NULL CHECK (households_conditional >= 0),
        households_handed_over integer NOT NULL CHECK (households_handed_over >= 0),
        consent_rate numeric(5, 4) NOT NULL CHECK (consent_rate BETWEEN 0 AND 1),
        handed_over_rate numeric(5, 4) NOT NULL CHECK (handed_over_rate BETWEEN 0 AND 1),
        area_total_m2 numeric(14, 2) NOT NULL CHECK (area_total_m2 >= 0),
        area_consented_m2 numeric(14, 2) NOT NULL CHECK (area_consented_m2 >= 0),
        area_handed_over_m2 numeric(14, 2) NOT NULL CHECK (area_handed_over_m2 >= 0),
        area_consent_rate numeric(5, 4) NOT NULL CHECK (area_consent_rate BETWEEN 0 AND 1),
        by_status jsonb NOT NULL,
        taken_at timestamptz NOT NULL,
        CONSTRAINT project_stats_snapshots_project_day UNIQUE (project_id, taken_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_stats_snapshots`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_subscriptions`);
  }
}
