import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795565228712 implements MigrationInterface {
  name = 'Reports1795565228712';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_campaign_subject" ON "report" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_report_campaign_subject"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_report" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_066698595c7ce6d2dd6d33b3ef5" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_bda11f278b592d22f5f17403758" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_report"("id", "campaign_id", "subject_id", "content", "created_at") SELECT "id", "campaign_id", "subject_id", "content", "created_at" FROM "report"`,
    );
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`ALTER TABLE "temporary_report" RENAME TO "report"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_campaign_subject" ON "report" ("campaign_id", "subject_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_report_campaign_subject"`);
    await queryRunner.query(`ALTER TABLE "report" RENAME TO "temporary_report"`);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "report"("id", "campaign_id", "subject_id", "content", "created_at") SELECT "id", "campaign_id", "subject_id", "content", "created_at" FROM "temporary_report"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_report"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_campaign_subject" ON "report" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_report_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "report"`);
  }
}
