import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/**
 * The SPIP's file (identity for the caseload, completion, consent), the SIAO's progress, the
 * alerts, the timeline, and the register of sorties sèches (one per detention).
 */
export class ReferralFiles1764300000000 implements MigrationInterface {
  name = 'ReferralFiles1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.referrals
      DROP COLUMN placement_confirmed,
      DROP COLUMN alert_resolved,
      ADD COLUMN establishment_code text NOT NULL DEFAULT '',
      ADD COLUMN establishment_name text NOT NULL DEFAULT '',
      ADD COLUMN last_name text NOT NULL DEFAULT '',
      ADD COLUMN first_names text NOT NULL DEFAULT '',
      ADD COLUMN birth_date date,
      ADD COLUMN opened_on date NOT NULL DEFAULT CURRENT_DATE,
      ADD COLUMN waiting_since date NOT NULL DEFAULT CURRENT_DATE,
      ADD COLUMN submissions integer NOT NULL DEFAULT 0,
      ADD COLUMN file jsonb NOT NULL DEFAULT '{"rights": {}}',
      ADD COLUMN consent jsonb,
      ADD COLUMN returned_missing text[] NOT NULL DEFAULT '{}',
      ADD COLUMN placement jsonb,
      ADD COLUMN declined_by_person boolean NOT NULL DEFAULT false,
      ADD COLUMN released_on date,
      ADD COLUMN withdrawal_reason text,
      ADD COLUMN alerts jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX referrals_spip_due_idx ON ${s}.referrals (spip_departement, expected_release_date)`);
    await queryRunner.query(`CREATE INDEX referrals_siao_due_idx ON ${s}.referrals (siao_departement, expected_release_date) WHERE submissions > 0`);
    await queryRunner.query(`CREATE INDEX referrals_waiting_idx ON ${s}.referrals (status, waiting_since)`);
    await queryRunner.query(`CREATE TABLE ${s}.referral_timeline (
      id bigserial PRIMARY KEY,
      referral_id uuid NOT NULL REFERENCES ${s}.referrals (id),
      occurred_at timestamptz NOT NULL,
      entry text NOT NULL,
      detail jsonb NOT NULL,
      actor text NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX referral_timeline_referral_idx ON ${s}.referral_timeline (referral_id, id)`);
    await queryRunner.query(`CREATE TABLE ${s}.sorties_seches (
      detention_id uuid PRIMARY KEY,
      referral_id uuid,
      person_id uuid NOT NULL,
      spip_departement text NOT NULL,
      siao_departement text NOT NULL,
      expected_release_date date NOT NULL,
      reason text NOT NULL,
      released_on date NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP TABLE ${s}.sorties_seches`);
    await queryRunner.query(`DROP TABLE ${s}.referral_timeline`);
    await queryRunner.query(`DROP INDEX ${s}.referrals_spip_due_idx, ${s}.referrals_siao_due_idx, ${s}.referrals_waiting_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.referrals
      DROP COLUMN establishment_code, DROP COLUMN establishment_name, DROP COLUMN last_name, DROP COLUMN first_names,
      DROP COLUMN birth_date, DROP COLUMN opened_on, DROP COLUMN waiting_since, DROP COLUMN submissions, DROP COLUMN file,
      DROP COLUMN consent, DROP COLUMN returned_missing, DROP COLUMN placement, DROP COLUMN declined_by_person,
      DROP COLUMN released_on, DROP COLUMN withdrawal_reason, DROP COLUMN alerts,
      ADD COLUMN placement_confirmed boolean NOT NULL DEFAULT false,
      ADD COLUMN alert_resolved boolean NOT NULL DEFAULT false`);
  }
}
