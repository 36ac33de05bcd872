import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795561577807 implements MigrationInterface {
  name = 'Initial1795561577807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP, CONSTRAINT "PK_a28028ba709cd7e5053a86857b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employee_id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "manager_employee_id" character varying(64), "unit" character varying(200) NOT NULL, "locale" character varying(2) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
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
    await queryRunner.query(`DROP INDEX "public"."IDX_person_unit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_person_manager_employee_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_person_email"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_person_employee_id"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_admin_user_email"`);
    await queryRunner.query(`DROP TABLE "admin_user"`);
  }
}
