import { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionAndExtracts1796005882844 implements MigrationInterface {
  name = 'RetentionAndExtracts1796005882844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_run" ("id" varchar PRIMARY KEY NOT NULL, "ran_at" datetime NOT NULL, "reports_months" integer, "inactive_people_months" integer, "campaigns_disposed" integer NOT NULL, "reports_removed" integer NOT NULL, "responses_removed" integer NOT NULL, "messages_removed" integer NOT NULL, "assignments_removed" integer NOT NULL, "plans_removed" integer NOT NULL DEFAULT (0), "nominations_removed" integer NOT NULL DEFAULT (0), "people_anonymised" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_retention_run_ran_at" ON "retention_run" ("ran_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_settings" ("id" integer PRIMARY KEY NOT NULL, "reports_months" integer, "inactive_people_months" integer, "updated_at" datetime, "run_claimed_at" datetime)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_person_unit"`);
    await queryRunner.query(`DROP INDEX "IDX_person_manager_employee_id"`);
    await queryRunner.query(`DROP INDEX "IDX_person_email"`);
    await queryRunner.query(`DROP INDEX "UQ_person_employee_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" varchar PRIMARY KEY NOT NULL, "employee_id" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "email" varchar(254) NOT NULL, "manager_employee_id" varchar(64), "unit" varchar(200) NOT NULL, "locale" varchar(2) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "left_at" datetime, "anonymised_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person"("id", "employee_id", "name", "email", "manager_employee_id", "unit", "locale", "active", "created_at", "updated_at") SELECT "id", "employee_id", "name", "email", "manager_employee_id", "unit", "locale", "active", "created_at", "updated_at" FROM "person"`,
    );
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(`CREATE INDEX "IDX_person_unit" ON "person" ("unit") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_person_manager_employee_id" ON "person" ("manager_employee_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_email" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_person_employee_id" ON "person" ("employee_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime, "sealed_at" datetime, "nomination_min" integer, "nomination_max" integer, "nomination_approver" varchar(8), "disposed_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at", "nomination_min", "nomination_max", "nomination_approver") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at", "nomination_min", "nomination_max", "nomination_approver" FROM "campaign"`,
    );
    await queryRunner.query(`DROP TABLE "campaign"`);
    await queryRunner.query(`ALTER TABLE "temporary_campaign" RENAME TO "campaign"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" RENAME TO "temporary_campaign"`);
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "questionnaire_key" varchar(64) NOT NULL, "questionnaire_version" integer NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('draft'), "anonymity_threshold" integer NOT NULL, "show_manager_separately" boolean NOT NULL DEFAULT (0), "rater_groups" text NOT NULL, "closes_at" datetime, "reminder_days" text NOT NULL, "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "launched_at" datetime, "closed_at" datetime, "sealed_at" datetime, "nomination_min" integer, "nomination_max" integer, "nomination_approver" varchar(8))`,
    );
    await queryRunner.query(
      `INSERT INTO "campaign"("id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at", "nomination_min", "nomination_max", "nomination_approver") SELECT "id", "name", "questionnaire_key", "questionnaire_version", "status", "anonymity_threshold", "show_manager_separately", "rater_groups", "closes_at", "reminder_days", "reminders_sent", "created_at", "launched_at", "closed_at", "sealed_at", "nomination_min", "nomination_max", "nomination_approver" FROM "temporary_campaign"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_campaign"`);
    await queryRunner.query(`DROP INDEX "UQ_person_employee_id"`);
    await queryRunner.query(`DROP INDEX "IDX_person_email"`);
    await queryRunner.query(`DROP INDEX "IDX_person_manager_employee_id"`);
    await queryRunner.query(`DROP INDEX "IDX_person_unit"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" varchar PRIMARY KEY NOT NULL, "employee_id" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "email" varchar(254) NOT NULL, "manager_employee_id" varchar(64), "unit" varchar(200) NOT NULL, "locale" varchar(2) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "person"("id", "employee_id", "name", "email", "manager_employee_id", "unit", "locale", "active", "created_at", "updated_at") SELECT "id", "employee_id", "name", "email", "manager_employee_id", "unit", "locale", "active", "created_at", "updated_at" FROM "temporary_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_person_employee_id" ON "person" ("employee_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_email" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_person_manager_employee_id" ON "person" ("manager_employee_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_unit" ON "person" ("unit") `);
    await queryRunner.query(`DROP TABLE "retention_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_retention_run_ran_at"`);
    await queryRunner.query(`DROP TABLE "retention_run"`);
  }
}
