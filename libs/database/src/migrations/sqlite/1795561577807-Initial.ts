import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795561577807 implements MigrationInterface {
  name = 'Initial1795561577807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" varchar PRIMARY KEY NOT NULL, "employee_id" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "email" varchar(254) NOT NULL, "manager_employee_id" varchar(64), "unit" varchar(200) NOT NULL, "locale" varchar(2) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_person_employee_id" ON "person" ("employee_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_email" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_person_manager_employee_id" ON "person" ("manager_employee_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_person_unit" ON "person" ("unit") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_person_unit"`);
    await queryRunner.query(`DROP INDEX "IDX_person_manager_employee_id"`);
    await queryRunner.query(`DROP INDEX "IDX_person_email"`);
    await queryRunner.query(`DROP INDEX "UQ_person_employee_id"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`DROP TABLE "admin_user"`);
  }
}
