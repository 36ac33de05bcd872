import { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionAndExtracts1796005882844 implements MigrationInterface {
  name = 'RetentionAndExtracts1796005882844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ran_at" TIMESTAMP NOT NULL, "reports_months" integer, "inactive_people_months" integer, "campaigns_disposed" integer NOT NULL, "reports_removed" integer NOT NULL, "responses_removed" integer NOT NULL, "messages_removed" integer NOT NULL, "assignments_removed" integer NOT NULL, "plans_removed" integer NOT NULL DEFAULT '0', "nominations_removed" integer NOT NULL DEFAULT '0', "people_anonymised" integer NOT NULL, CONSTRAINT "PK_6ca0ca7552b6832d70c9c95a57d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_retention_run_ran_at" ON "retention_run" ("ran_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_settings" ("id" integer NOT NULL, "reports_months" integer, "inactive_people_months" integer, "updated_at" TIMESTAMP, "run_claimed_at" TIMESTAMP, CONSTRAINT "PK_ba0941ea3e43235c88387d87aa8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "left_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "person" ADD "anonymised_at" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "campaign" ADD "disposed_at" TIMESTAMP`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "disposed_at"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "left_at"`);
    await queryRunner.query(`DROP TABLE "retention_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_retention_run_ran_at"`);
    await queryRunner.query(`DROP TABLE "retention_run"`);
  }
}
