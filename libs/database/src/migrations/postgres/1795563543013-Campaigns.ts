import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1795563543013 implements MigrationInterface {
  name = 'Campaigns1795563543013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "questionnaire_key" character varying(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'draft', "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT false, "rater_groups" text NOT NULL, "closes_at" TIMESTAMP, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "launched_at" TIMESTAMP, "closed_at" TIMESTAMP, CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "rater_id" uuid NOT NULL, "relationship" character varying(16) NOT NULL, "answered" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`,
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
      `CREATE TABLE "assignment_token" ("token_hash" character varying(64) NOT NULL, "assignment_id" uuid NOT NULL, CONSTRAINT "PK_2cda45b5d44dc4f3c15a87a8da7" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignment_token_assignment" ON "assignment_token" ("assignment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_rater" ("campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "rater_id" uuid NOT NULL, "relationship" character varying(16) NOT NULL, CONSTRAINT "PK_a99bf33c4e53dea7e34f0a9cb58" PRIMARY KEY ("campaign_id", "subject_id", "rater_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "campaign_id" character varying(36), "recipient_id" character varying(36), "to_address" character varying(254) NOT NULL, "payload" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP NOT NULL, "locked_until" TIMESTAMP, "last_error" character varying(1000), "created_at" TIMESTAMP NOT NULL DEFAULT now(), "sent_at" TIMESTAMP, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_campaign" ON "outbox_message" ("campaign_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_due" ON "outbox_message" ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_subject" ("campaign_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "PK_90062bdc20a12d989b6d68196b5" PRIMARY KEY ("campaign_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_response_count" ("campaign_id" uuid NOT NULL, "day" character varying(10) NOT NULL, "responded" integer NOT NULL, CONSTRAINT "PK_d66516796bf193f5326e687fa15" PRIMARY KEY ("campaign_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "draft" ("assignment_id" uuid NOT NULL, "answers" text NOT NULL, "comments" text NOT NULL, CONSTRAINT "PK_109c9830477093d283b5d493e1b" PRIMARY KEY ("assignment_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "response" ("id" character varying(32) NOT NULL, "campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "rater_group" character varying(16), "answers" text NOT NULL, "comments" text NOT NULL, CONSTRAINT "PK_f64544baf2b4dc48ba623ce768f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_response_campaign_subject" ON "response" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_af4b2190c899ed861f4b43102ec" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_1a2b31a8ef7d04d13aa26ec05f0" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_077b23cc497c7aec5597006e722" FOREIGN KEY ("rater_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_token" ADD CONSTRAINT "FK_cb1fd4995db1c453b59fb6583b8" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" ADD CONSTRAINT "FK_990a63ea0879b540f449c3250d5" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" ADD CONSTRAINT "FK_28fee5e46339a599116454dea69" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" ADD CONSTRAINT "FK_cd599483fbd8cc4584314877b5d" FOREIGN KEY ("rater_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_subject" ADD CONSTRAINT "FK_9dd89ef1b99f4f2f4aa52e03e9f" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_subject" ADD CONSTRAINT "FK_9f7b779d92232ec65a62f5e480b" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "daily_response_count" ADD CONSTRAINT "FK_661bc4218ab96a021b03c06b63c" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "draft" ADD CONSTRAINT "FK_109c9830477093d283b5d493e1b" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response" ADD CONSTRAINT "FK_1d88581a32cdda3c7d2a69a6191" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response" ADD CONSTRAINT "FK_996fad4d43d984417b041fa2c9f" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "response" DROP CONSTRAINT "FK_996fad4d43d984417b041fa2c9f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "response" DROP CONSTRAINT "FK_1d88581a32cdda3c7d2a69a6191"`,
    );
    await queryRunner.query(`ALTER TABLE "draft" DROP CONSTRAINT "FK_109c9830477093d283b5d493e1b"`);
    await queryRunner.query(
      `ALTER TABLE "daily_response_count" DROP CONSTRAINT "FK_661bc4218ab96a021b03c06b63c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_subject" DROP CONSTRAINT "FK_9f7b779d92232ec65a62f5e480b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_subject" DROP CONSTRAINT "FK_9dd89ef1b99f4f2f4aa52e03e9f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" DROP CONSTRAINT "FK_cd599483fbd8cc4584314877b5d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" DROP CONSTRAINT "FK_28fee5e46339a599116454dea69"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_rater" DROP CONSTRAINT "FK_990a63ea0879b540f449c3250d5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_token" DROP CONSTRAINT "FK_cb1fd4995db1c453b59fb6583b8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" DROP CONSTRAINT "FK_077b23cc497c7aec5597006e722"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" DROP CONSTRAINT "FK_1a2b31a8ef7d04d13aa26ec05f0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" DROP CONSTRAINT "FK_af4b2190c899ed861f4b43102ec"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_response_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "response"`);
    await queryRunner.query(`DROP TABLE "draft"`);
    await queryRunner.query(`DROP TABLE "daily_response_count"`);
    await queryRunner.query(`DROP TABLE "campaign_subject"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_message_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_message_campaign"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "campaign_rater"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignment_token_assignment"`);
    await queryRunner.query(`DROP TABLE "assignment_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignment_campaign_rater"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignment_campaign_subject"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assignment_campaign_subject_rater"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
  }
}
