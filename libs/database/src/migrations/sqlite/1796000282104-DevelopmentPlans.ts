import { MigrationInterface, QueryRunner } from 'typeorm';

export class DevelopmentPlans1796000282104 implements MigrationInterface {
  name = 'DevelopmentPlans1796000282104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_item_set" ("campaign_id" varchar PRIMARY KEY NOT NULL, "source_campaign_id" varchar NOT NULL, "item_ids" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "development_plan" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "focus_items" text NOT NULL, "actions" text NOT NULL, "support" text NOT NULL, "starts_on" varchar(10), "review_on" varchar(10), "shared_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plan_campaign_subject" ON "development_plan" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign_item_set" ("campaign_id" varchar PRIMARY KEY NOT NULL, "source_campaign_id" varchar NOT NULL, "item_ids" text NOT NULL, CONSTRAINT "FK_ccb30e0787ad5e2c9d78ade2c93" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign_item_set"("campaign_id", "source_campaign_id", "item_ids") SELECT "campaign_id", "source_campaign_id", "item_ids" FROM "campaign_item_set"`,
    );
    await queryRunner.query(`DROP TABLE "campaign_item_set"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_campaign_item_set" RENAME TO "campaign_item_set"`,
    );
    await queryRunner.query(`DROP INDEX "UQ_development_plan_campaign_subject"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_development_plan" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "focus_items" text NOT NULL, "actions" text NOT NULL, "support" text NOT NULL, "starts_on" varchar(10), "review_on" varchar(10), "shared_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_b5873fcf03081b3408e20671ce0" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_55e88e8ee29a205a5a96eabb841" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_development_plan"("id", "campaign_id", "subject_id", "focus_items", "actions", "support", "starts_on", "review_on", "shared_at", "created_at", "updated_at") SELECT "id", "campaign_id", "subject_id", "focus_items", "actions", "support", "starts_on", "review_on", "shared_at", "created_at", "updated_at" FROM "development_plan"`,
    );
    await queryRunner.query(`DROP TABLE "development_plan"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_development_plan" RENAME TO "development_plan"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plan_campaign_subject" ON "development_plan" ("campaign_id", "subject_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_development_plan_campaign_subject"`);
    await queryRunner.query(
      `ALTER TABLE "development_plan" RENAME TO "temporary_development_plan"`,
    );
    await queryRunner.query(
      `CREATE TABLE "development_plan" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "focus_items" text NOT NULL, "actions" text NOT NULL, "support" text NOT NULL, "starts_on" varchar(10), "review_on" varchar(10), "shared_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "development_plan"("id", "campaign_id", "subject_id", "focus_items", "actions", "support", "starts_on", "review_on", "shared_at", "created_at", "updated_at") SELECT "id", "campaign_id", "subject_id", "focus_items", "actions", "support", "starts_on", "review_on", "shared_at", "created_at", "updated_at" FROM "temporary_development_plan"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_development_plan"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plan_campaign_subject" ON "development_plan" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_item_set" RENAME TO "temporary_campaign_item_set"`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_item_set" ("campaign_id" varchar PRIMARY KEY NOT NULL, "source_campaign_id" varchar NOT NULL, "item_ids" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign_item_set"("campaign_id", "source_campaign_id", "item_ids") SELECT "campaign_id", "source_campaign_id", "item_ids" FROM "temporary_campaign_item_set"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign_item_set"`);
    await queryRunner.query(`DROP INDEX "UQ_development_plan_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "development_plan"`);
    await queryRunner.query(`DROP TABLE "campaign_item_set"`);
  }
}
