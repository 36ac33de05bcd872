import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1795563543013 implements MigrationInterface {
  name = 'Campaigns1795563543013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "answered" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignment_campaign_subject_rater" ON "assignment" ("campaign_id", "subject_id", "rater_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_subject" ON "assignment" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_rater" ON "assignment" ("campaign_id", "rater_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "assignment_id" varchar NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_token_assignment" ON "assignment_token" ("assignment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "rater_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar(32) NOT NULL, "campaign_id" varchar(36), "recipient_id" varchar(36), "to_address" varchar(254) NOT NULL, "payload" text NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "locked_until" datetime, "last_error" varchar(1000), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "sent_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_campaign" ON "outbox_message" ("campaign_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_due" ON "outbox_message" ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_subject" ("campaign_id" varchar NOT NULL, "person_id" varchar NOT NULL, PRIMARY KEY ("campaign_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_response_count" ("campaign_id" varchar NOT NULL, "day" varchar(10) NOT NULL, "responded" integer NOT NULL, PRIMARY KEY ("campaign_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "draft" ("assignment_id" varchar PRIMARY KEY NOT NULL, "answers" text NOT NULL, "comments" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "response" ("id" varchar(32) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_group" varchar(16), "answers" text NOT NULL, "comments" text NOT NULL) WITHOUT ROWID`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_response_campaign_subject" ON "response" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_assignment_campaign_subject_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_subject"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_rater"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_assignment" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "answered" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_af4b2190c899ed861f4b43102ec" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1a2b31a8ef7d04d13aa26ec05f0" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_077b23cc497c7aec5597006e722" FOREIGN KEY ("rater_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_assignment"("id", "campaign_id", "subject_id", "rater_id", "relationship", "answered") SELECT "id", "campaign_id", "subject_id", "rater_id", "relationship", "answered" FROM "assignment"`,
    );
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assignment" RENAME TO "assignment"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignment_campaign_subject_rater" ON "assignment" ("campaign_id", "subject_id", "rater_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_subject" ON "assignment" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_rater" ON "assignment" ("campaign_id", "rater_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_assignment_token_assignment"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_assignment_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "assignment_id" varchar NOT NULL, CONSTRAINT "FK_cb1fd4995db1c453b59fb6583b8" FOREIGN KEY ("assignment_id") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_assignment_token"("token_hash", "assignment_id") SELECT "token_hash", "assignment_id" FROM "assignment_token"`,
    );
    await queryRunner.query(`DROP TABLE "assignment_token"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_assignment_token" RENAME TO "assignment_token"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_token_assignment" ON "assignment_token" ("assignment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, CONSTRAINT "FK_990a63ea0879b540f449c3250d5" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_28fee5e46339a599116454dea69" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cd599483fbd8cc4584314877b5d" FOREIGN KEY ("rater_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "subject_id", "rater_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign_rater"("campaign_id", "subject_id", "rater_id", "relationship") SELECT "campaign_id", "subject_id", "rater_id", "relationship" FROM "campaign_rater"`,
    );
    await queryRunner.query(`DROP TABLE "campaign_rater"`);
    await queryRunner.query(`ALTER TABLE "temporary_campaign_rater" RENAME TO "campaign_rater"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign_subject" ("campaign_id" varchar NOT NULL, "person_id" varchar NOT NULL, CONSTRAINT "FK_9dd89ef1b99f4f2f4aa52e03e9f" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9f7b779d92232ec65a62f5e480b" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign_subject"("campaign_id", "person_id") SELECT "campaign_id", "person_id" FROM "campaign_subject"`,
    );
    await queryRunner.query(`DROP TABLE "campaign_subject"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_campaign_subject" RENAME TO "campaign_subject"`,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_daily_response_count" ("campaign_id" varchar NOT NULL, "day" varchar(10) NOT NULL, "responded" integer NOT NULL, CONSTRAINT "FK_661bc4218ab96a021b03c06b63c" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("campaign_id", "day"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_daily_response_count"("campaign_id", "day", "responded") SELECT "campaign_id", "day", "responded" FROM "daily_response_count"`,
    );
    await queryRunner.query(`DROP TABLE "daily_response_count"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_daily_response_count" RENAME TO "daily_response_count"`,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_draft" ("assignment_id" varchar PRIMARY KEY NOT NULL, "answers" text NOT NULL, "comments" text NOT NULL, CONSTRAINT "FK_109c9830477093d283b5d493e1b" FOREIGN KEY ("assignment_id") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_draft"("assignment_id", "answers", "comments") SELECT "assignment_id", "answers", "comments" FROM "draft"`,
    );
    await queryRunner.query(`DROP TABLE "draft"`);
    await queryRunner.query(`ALTER TABLE "temporary_draft" RENAME TO "draft"`);
    await queryRunner.query(`DROP INDEX "IDX_response_campaign_subject"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_response" ("id" varchar(32) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_group" varchar(16), "answers" text NOT NULL, "comments" text NOT NULL, CONSTRAINT "FK_1d88581a32cdda3c7d2a69a6191" FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_996fad4d43d984417b041fa2c9f" FOREIGN KEY ("subject_id") REFERENCES "person" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION) WITHOUT ROWID`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_response"("id", "campaign_id", "subject_id", "rater_group", "answers", "comments") SELECT "id", "campaign_id", "subject_id", "rater_group", "answers", "comments" FROM "response"`,
    );
    await queryRunner.query(`DROP TABLE "response"`);
    await queryRunner.query(`ALTER TABLE "temporary_response" RENAME TO "response"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_response_campaign_subject" ON "response" ("campaign_id", "subject_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_response_campaign_subject"`);
    await queryRunner.query(`ALTER TABLE "response" RENAME TO "temporary_response"`);
    await queryRunner.query(
      `CREATE TABLE "response" ("id" varchar(32) PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_group" varchar(16), "answers" text NOT NULL, "comments" text NOT NULL) WITHOUT ROWID`,
    );
    await queryRunner.query(
      `INSERT INTO "response"("id", "campaign_id", "subject_id", "rater_group", "answers", "comments") SELECT "id", "campaign_id", "subject_id", "rater_group", "answers", "comments" FROM "temporary_response"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_response"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_response_campaign_subject" ON "response" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`ALTER TABLE "draft" RENAME TO "temporary_draft"`);
    await queryRunner.query(
      `CREATE TABLE "draft" ("assignment_id" varchar PRIMARY KEY NOT NULL, "answers" text NOT NULL, "comments" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "draft"("assignment_id", "answers", "comments") SELECT "assignment_id", "answers", "comments" FROM "temporary_draft"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_draft"`);
    await queryRunner.query(
      `ALTER TABLE "daily_response_count" RENAME TO "temporary_daily_response_count"`,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_response_count" ("campaign_id" varchar NOT NULL, "day" varchar(10) NOT NULL, "responded" integer NOT NULL, PRIMARY KEY ("campaign_id", "day"))`,
    );
    await queryRunner.query(
      `INSERT INTO "daily_response_count"("campaign_id", "day", "responded") SELECT "campaign_id", "day", "responded" FROM "temporary_daily_response_count"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_daily_response_count"`);
    await queryRunner.query(
      `ALTER TABLE "campaign_subject" RENAME TO "temporary_campaign_subject"`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_subject" ("campaign_id" varchar NOT NULL, "person_id" varchar NOT NULL, PRIMARY KEY ("campaign_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign_subject"("campaign_id", "person_id") SELECT "campaign_id", "person_id" FROM "temporary_campaign_subject"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign_subject"`);
    await queryRunner.query(`ALTER TABLE "campaign_rater" RENAME TO "temporary_campaign_rater"`);
    await queryRunner.query(
      `CREATE TABLE "campaign_rater" ("campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, PRIMARY KEY ("campaign_id", "subject_id", "rater_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign_rater"("campaign_id", "subject_id", "rater_id", "relationship") SELECT "campaign_id", "subject_id", "rater_id", "relationship" FROM "temporary_campaign_rater"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_token_assignment"`);
    await queryRunner.query(
      `ALTER TABLE "assignment_token" RENAME TO "temporary_assignment_token"`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment_token" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "assignment_id" varchar NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "assignment_token"("token_hash", "assignment_id") SELECT "token_hash", "assignment_id" FROM "temporary_assignment_token"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_assignment_token"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_token_assignment" ON "assignment_token" ("assignment_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_subject"`);
    await queryRunner.query(`DROP INDEX "UQ_assignment_campaign_subject_rater"`);
    await queryRunner.query(`ALTER TABLE "assignment" RENAME TO "temporary_assignment"`);
    await queryRunner.query(
      `CREATE TABLE "assignment" ("id" varchar PRIMARY KEY NOT NULL, "campaign_id" varchar NOT NULL, "subject_id" varchar NOT NULL, "rater_id" varchar NOT NULL, "relationship" varchar(16) NOT NULL, "answered" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "assignment"("id", "campaign_id", "subject_id", "rater_id", "relationship", "answered") SELECT "id", "campaign_id", "subject_id", "rater_id", "relationship", "answered" FROM "temporary_assignment"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_assignment"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_rater" ON "assignment" ("campaign_id", "rater_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_campaign_subject" ON "assignment" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignment_campaign_subject_rater" ON "assignment" ("campaign_id", "subject_id", "rater_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_response_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "response"`);
    await queryRunner.query(`DROP TABLE "draft"`);
    await queryRunner.query(`DROP TABLE "daily_response_count"`);
    await queryRunner.query(`DROP TABLE "campaign_subject"`);
    await queryRunner.query(`DROP INDEX "IDX_outbox_message_due"`);
    await queryRunner.query(`DROP INDEX "IDX_outbox_message_campaign"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "campaign_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_token_assignment"`);
    await queryRunner.query(`DROP TABLE "assignment_token"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_rater"`);
    await queryRunner.query(`DROP INDEX "IDX_assignment_campaign_subject"`);
    await queryRunner.query(`DROP INDEX "UQ_assignment_campaign_subject_rater"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
  }
}
