import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminRoles1796659566840 implements MigrationInterface {
  name = 'AdminRoles1796659566840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime, "role" varchar(16) NOT NULL DEFAULT ('admin'))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_user"("id", "email", "password_hash", "created_at", "last_login_at") SELECT "id", "email", "password_hash", "created_at", "last_login_at" FROM "admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "admin_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_user" RENAME TO "admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`ALTER TABLE "admin_user" RENAME TO "temporary_admin_user"`);
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_user"("id", "email", "password_hash", "created_at", "last_login_at") SELECT "id", "email", "password_hash", "created_at", "last_login_at" FROM "temporary_admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
  }
}
