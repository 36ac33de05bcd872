import { MigrationInterface, QueryRunner } from 'typeorm';

export class NominationBySubject1796000035600 implements MigrationInterface {
  name = 'NominationBySubject1796000035600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "nomination" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "status" varchar(10) NOT NULL, "approved_by" varchar(8), PRIMARY KEY ("campaign_id", "subject_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "nominated_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "list" varchar(10) NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "list", "rater_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "holder_id" varchar NOT NULL, "role" varchar(8) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_nomination_token_subject" ON "nomination_token" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime, "sealed_at" datetime, "nomination_min" integer, "nomination_max" integer, "nomination_approver" varchar(8))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at" FROM "campaign"`,
    );
    await queryRunner.query(`DROP TABLE "campaign"`);
    await queryRunner.query(`ALTER TABLE "temporary_campaign" RENAME TO "campaign"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_nomination" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "status" varchar(10) NOT NULL, "approved_by" varchar(8), CONSTRAINT "FK_a7e14ad61771340bcbf84e551c2" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_05ae9b2c4e5dedc5cccdb084d37" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "subject_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_nomination"("campaign_id", "subject_id", "status", "approved_by") SELECT "campaign_id", "subject_id", "status", "approved_by" FROM "nomination"`,
    );
    await queryRunner.query(`DROP TABLE "nomination"`);
    await queryRunner.query(`ALTER TABLE "temporary_nomination" RENAME TO "nomination"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_nominated_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "list" varchar(10) NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, CONSTRAINT "FK_7cc214e7a1b7909dcaf45bbbc0e" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_187b484fd68bcd3e635235cbabc" FOREIGN KEY ("rater_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "subject_id", "list", "rater_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_nominated_rater"("campaign_id", "subject_id", "list", "rater_id", "relationship") SELECT "campaign_id", "subject_id", "list", "rater_id", "relationship" FROM "nominated_rater"`,
    );
    await queryRunner.query(`DROP TABLE "nominated_rater"`);
    await queryRunner.query(`ALTER TABLE "temporary_nominated_rater" RENAME TO "nominated_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_nomination_token_subject"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_nomination_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "holder_id" varchar NOT NULL, "role" varchar(8) NOT NULL, CONSTRAINT "FK_e8b7108ea974a77ce4da960f141" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_nomination_token"("token_hash", "campaign_id", "subject_id", "holder_id", "role") SELECT "token_hash", "campaign_id", "subject_id", "holder_id", "role" FROM "nomination_token"`,
    );
    await queryRunner.query(`DROP TABLE "nomination_token"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_nomination_token" RENAME TO "nomination_token"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_nomination_token_subject" ON "nomination_token" ("campaign_id", "subject_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_nomination_token_subject"`);
    await queryRunner.query(
      `ALTER TABLE "nomination_token" RENAME TO "temporary_nomination_token"`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "holder_id" varchar NOT NULL, "role" varchar(8) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "nomination_token"("token_hash", "campaign_id", "subject_id", "holder_id", "role") SELECT "token_hash", "campaign_id", "subject_id", "holder_id", "role" FROM "temporary_nomination_token"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_nomination_token"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_nomination_token_subject" ON "nomination_token" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`ALTER TABLE "nominated_rater" RENAME TO "temporary_nominated_rater"`);
    await queryRunner.query(
      `CREATE TABLE "nominated_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "list" varchar(10) NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "list", "rater_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "nominated_rater"("campaign_id", "subject_id", "list", "rater_id", "relationship") SELECT "campaign_id", "subject_id", "list", "rater_id", "relationship" FROM "temporary_nominated_rater"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_nominated_rater"`);
    await queryRunner.query(`ALTER TABLE "nomination" RENAME TO "temporary_nomination"`);
    await queryRunner.query(
      `CREATE TABLE "nomination" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "status" varchar(10) NOT NULL, "approved_by" varchar(8), PRIMARY KEY ("campaign_id", "subject_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "nomination"("campaign_id", "subject_id", "status", "approved_by") SELECT "campaign_id", "subject_id", "status", "approved_by" FROM "temporary_nomination"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_nomination"`);
    await queryRunner.query(`ALTER TABLE "campaign" RENAME TO "temporary_campaign"`);
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime, "sealed_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at" FROM "temporary_campaign"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign"`);
    await queryRunner.query(`DROP INDEX "IDX_nomination_token_subject"`);
    await queryRunner.query(`DROP TABLE "nomination_token"`);
    await queryRunner.query(`DROP TABLE "nominated_rater"`);
    await queryRunner.query(`DROP TABLE "nomination"`);
  }
}
