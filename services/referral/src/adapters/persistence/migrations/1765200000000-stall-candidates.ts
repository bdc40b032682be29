import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/**
 * The stall sweep's candidates, each kind in its own partial index: requests waiting whose stall
 * alert is not open. Without them every sweep read every waiting request, alerted or not, and
 * those only grow while requests wait.
 */
export class StallCandidates1765200000000 implements MigrationInterface {
  name = 'StallCandidates1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`CREATE INDEX referrals_stalled_incomplete_idx ON ${s}.referrals (id)
      WHERE status IN ('to_complete') AND COALESCE((alerts -> 'stalled_incomplete' ->> 'open')::boolean, false) = false`);
    await queryRunner.query(`CREATE INDEX referrals_stalled_no_decision_idx ON ${s}.referrals (id)
      WHERE status IN ('submitted', 'scheduled') AND COALESCE((alerts -> 'stalled_no_decision' ->> 'open')::boolean, false) = false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.referrals_stalled_no_decision_idx`);
    await queryRunner.query(`DROP INDEX ${s}.referrals_stalled_incomplete_idx`);
  }
}
