import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

/** Structures and their places, the SIAO requests, the commission sessions, and the placements. */
export class PlacesAndRequests1764500000000 implements MigrationInterface {
  name = 'PlacesAndRequests1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      `CREATE TABLE ${s}.structures (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        departement text NOT NULL,
        area text NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 0),
        reserved_justice_places integer NOT NULL CHECK (reserved_justice_places >= 0),
        volante_places integer NOT NULL CHECK (volante_places >= 0),
        accepts jsonb NOT NULL,
        CHECK (reserved_justice_places + volante_places <= capacity)
      )`,
      `CREATE INDEX structures_departement_idx ON ${s}.structures (departement, name)`,
      `CREATE TABLE ${s}.structure_closures (
        id uuid PRIMARY KEY,
        structure_id uuid NOT NULL REFERENCES ${s}.structures (id),
        from_date date NOT NULL,
        to_date date NOT NULL,
        places integer NOT NULL CHECK (places > 0),
        reason text NOT NULL,
        CHECK (from_date <= to_date)
      )`,
      `CREATE INDEX structure_closures_structure_idx ON ${s}.structure_closures (structure_id, to_date)`,
      `CREATE TABLE ${s}.housing_requests (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL UNIQUE,
        person_id uuid NOT NULL,
        detention_id uuid NOT NULL,
        spip_departement text NOT NULL,
        siao_departement text NOT NULL,
        expected_release_date date NOT NULL,
        urgent boolean NOT NULL,
        submission integer NOT NULL,
        status text NOT NULL,
        file jsonb NOT NULL,
        received_on date NOT NULL,
        missing text[] NOT NULL,
        session jsonb,
        orientation jsonb,
        orientation_valid_until date,
        deferral jsonb,
        refusal jsonb,
        withdrawal_reason text
      )`,
      `CREATE INDEX housing_requests_queue_idx ON ${s}.housing_requests (siao_departement, expected_release_date, received_on, id)
         WHERE status IN ('awaiting_review', 'scheduled', 'deferred')`,
      `CREATE INDEX housing_requests_person_idx ON ${s}.housing_requests (person_id)`,
      `CREATE INDEX housing_requests_oriented_idx ON ${s}.housing_requests (siao_departement, (orientation ->> 'structureType'))
         WHERE orientation IS NOT NULL`,
      `CREATE INDEX housing_requests_lapse_idx ON ${s}.housing_requests (orientation_valid_until)
         WHERE status = 'oriented'`,
      `CREATE TABLE ${s}.placements (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES ${s}.housing_requests (id),
        structure_id uuid NOT NULL REFERENCES ${s}.structures (id),
        structure_type text NOT NULL,
        orientation_session_id uuid NOT NULL,
        status text NOT NULL,
        places integer NOT NULL CHECK (places > 0),
        entry_date date,
        pool text,
        refusal_reason text,
        cancellation_reason text,
        entered_on date,
        flagged boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX placements_request_idx ON ${s}.placements (request_id)`,
      `CREATE INDEX placements_bookings_idx ON ${s}.placements (structure_id) WHERE status IN ('confirmed', 'entered')`,
      `CREATE TABLE ${s}.commission_sessions (
        id uuid PRIMARY KEY,
        departement text NOT NULL,
        session_date date NOT NULL,
        members text[] NOT NULL,
        created_by text NOT NULL
      )`,
      `CREATE INDEX commission_sessions_departement_idx ON ${s}.commission_sessions (departement, session_date)`,
      `CREATE TABLE ${s}.agenda_items (
        session_id uuid NOT NULL REFERENCES ${s}.commission_sessions (id),
        request_id uuid NOT NULL REFERENCES ${s}.housing_requests (id),
        added_on date NOT NULL,
        decision text,
        position bigserial,
        PRIMARY KEY (session_id, request_id)
      )`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, ['agenda_items', 'commission_sessions', 'placements', 'housing_requests', 'structure_closures', 'structures']
      .map((table) => `DROP TABLE ${s}.${table}`));
  }
}
