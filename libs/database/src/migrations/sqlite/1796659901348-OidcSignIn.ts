import { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcSignIn1796659901348 implements MigrationInterface {
  name = 'OidcSignIn1796659901348';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oidc_sign_in_state" ("state_hash" varchar(64) PRIMARY KEY NOT NULL, "browser_hash" varchar(64) NOT NULL, "nonce" varchar(128) NOT NULL, "code_verifier" varchar(128) NOT NULL, "next_path" varchar(2000) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_oidc_sign_in_state_created" ON "oidc_sign_in_state" ("created_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime, "role" varchar(16) NOT NULL DEFAULT ('admin'), "oidc_issuer" varchar(255), "oidc_subject" varchar(255))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_user"("id", "email", "password_hash", "created_at", "last_login_at", "role") SELECT "id", "email", "password_hash", "created_at", "last_login_at", "role" FROM "admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "admin_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_user" RENAME TO "admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime, "role" varchar(16) NOT NULL DEFAULT ('admin'), "oidc_issuer" varchar(255), "oidc_subject" varchar(255))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_user"("id", "email", "password_hash", "created_at", "last_login_at", "role", "oidc_issuer", "oidc_subject") SELECT "id", "email", "password_hash", "created_at", "last_login_at", "role", "oidc_issuer", "oidc_subject" FROM "admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "admin_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_user" RENAME TO "admin_user"`);
    // by hand: TypeORM leaves out an index's WHERE when it compares, so it wrote none here
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") WHERE "password_hash" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_admin_user_oidc_identity" ON "admin_user" ("oidc_issuer", "oidc_subject") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // by hand: the accounts of the identity provider have no password, which the old schema needs
    await queryRunner.query(`DELETE FROM "admin_user" WHERE "password_hash" IS NULL`);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_oidc_identity"`);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`ALTER TABLE "admin_user" RENAME TO "temporary_admin_user"`);
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime, "role" varchar(16) NOT NULL DEFAULT ('admin'), "oidc_issuer" varchar(255), "oidc_subject" varchar(255))`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_user"("id", "email", "password_hash", "created_at", "last_login_at", "role", "oidc_issuer", "oidc_subject") SELECT "id", "email", "password_hash", "created_at", "last_login_at", "role", "oidc_issuer", "oidc_subject" FROM "temporary_admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "UQ_admin_user_email"`);
    await queryRunner.query(`ALTER TABLE "admin_user" RENAME TO "temporary_admin_user"`);
    await queryRunner.query(
      `CREATE TABLE "admin_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "password_hash" varchar(255) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_login_at" datetime, "role" varchar(16) NOT NULL DEFAULT ('admin'))`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_user"("id", "email", "password_hash", "created_at", "last_login_at", "role") SELECT "id", "email", "password_hash", "created_at", "last_login_at", "role" FROM "temporary_admin_user"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "IX_oidc_sign_in_state_created"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in_state"`);
  }
}
