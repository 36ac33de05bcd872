import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedAtClose1795979905055 implements MigrationInterface {
  name = 'SealedAtClose1795979905055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subject_tally" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "invited" integer NOT NULL, "responded" integer NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "relationship"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime, "sealed_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at" FROM "campaign"`,
    );
    await queryRunner.query(`DROP TABLE "campaign"`);
    await queryRunner.query(`ALTER TABLE "temporary_campaign" RENAME TO "campaign"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_subject_tally" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "invited" integer NOT NULL, "responded" integer NOT NULL, CONSTRAINT "FK_a99346253312c3bb36710421fcb" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7695e154f9fdecc75276fb540e1" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "subject_id", "relationship"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_subject_tally"("campaign_id", "subject_id", "relationship", "invited", "responded") SELECT "campaign_id", "subject_id", "relationship", "invited", "responded" FROM "subject_tally"`,
    );
    await queryRunner.query(`DROP TABLE "subject_tally"`);
    await queryRunner.query(`ALTER TABLE "temporary_subject_tally" RENAME TO "subject_tally"`);
    // Campaigns closed before sealing existed: their counts move to the tallies and their
    // assignments forget who answered and drafts go, as a close does now (DESIGN.md, rule 7). Their response
    // rows are not rewritten here; the scheduler vacuums once (campaign.sealed_at is null).
    await queryRunner.query(
      `INSERT INTO "subject_tally" ("campaign_id", "subject_id", "relationship", "invited", "responded") SELECT "a"."campaign_id", "a"."subject_id", "a"."relationship", COUNT(*), SUM(CASE WHEN "a"."answered" THEN 1 ELSE 0 END) FROM "assignment" "a" INNER JOIN "campaign" "c" ON "c"."id" = "a"."campaign_id" WHERE "c"."status" = 'closed' GROUP BY "a"."campaign_id", "a"."subject_id", "a"."relationship"`,
    );
    await queryRunner.query(
      `DELETE FROM "draft" WHERE "assignment_id" IN (SELECT "a"."id" FROM "assignment" "a" INNER JOIN "campaign" "c" ON "c"."id" = "a"."campaign_id" WHERE "c"."status" = 'closed')`,
    );
    await queryRunner.query(
      `UPDATE "assignment" SET "answered" = 0 WHERE "campaign_id" IN (SELECT "id" FROM "campaign" WHERE "status" = 'closed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subject_tally" RENAME TO "temporary_subject_tally"`);
    await queryRunner.query(
      `CREATE TABLE "subject_tally" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "invited" integer NOT NULL, "responded" integer NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "relationship"))`,
    );
    await queryRunner.query(
      `INSERT INTO "subject_tally"("campaign_id", "subject_id", "relationship", "invited", "responded") SELECT "campaign_id", "subject_id", "relationship", "invited", "responded" FROM "temporary_subject_tally"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_subject_tally"`);
    await queryRunner.query(`ALTER TABLE "campaign" RENAME TO "temporary_campaign"`);
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at" FROM "temporary_campaign"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign"`);
    await queryRunner.query(`DROP TABLE "subject_tally"`);
  }
}
