import { MigrationInterface, QueryRunner } from 'typeorm';

export class DevelopmentPlans1796000282104 implements MigrationInterface {
  name = 'DevelopmentPlans1796000282104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_item_set" ("campaign_id" uuid NOT NULL, "source_campaign_id" uuid NOT NULL, "item_ids" text NOT NULL, CONSTRAINT "PK_ccb30e0787ad5e2c9d78ade2c93" PRIMARY KEY ("campaign_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "development_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "focus_items" text NOT NULL, "actions" text NOT NULL, "support" text NOT NULL, "starts_on" character varying(10), "review_on" character varying(10), "shared_at" TIMESTAMP, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_882187fefdcc40072918b6659c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plan_campaign_subject" ON "development_plan" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_item_set" ADD CONSTRAINT "FK_ccb30e0787ad5e2c9d78ade2c93" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "development_plan" ADD CONSTRAINT "FK_b5873fcf03081b3408e20671ce0" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "development_plan" ADD CONSTRAINT "FK_55e88e8ee29a205a5a96eabb841" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "development_plan" DROP CONSTRAINT "FK_55e88e8ee29a205a5a96eabb841"`,
    );
    await queryRunner.query(
      `ALTER TABLE "development_plan" DROP CONSTRAINT "FK_b5873fcf03081b3408e20671ce0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_item_set" DROP CONSTRAINT "FK_ccb30e0787ad5e2c9d78ade2c93"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_development_plan_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "development_plan"`);
    await queryRunner.query(`DROP TABLE "campaign_item_set"`);
  }
}
