import { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcSignIn1796659901348 implements MigrationInterface {
  name = 'OidcSignIn1796659901348';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oidc_sign_in_state" ("state_hash" character varying(64) NOT NULL, "browser_hash" character varying(64) NOT NULL, "nonce" character varying(128) NOT NULL, "code_verifier" character varying(128) NOT NULL, "next_path" character varying(2000) NOT NULL, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_645a75a159d04fa1617d9b1dee4" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_oidc_sign_in_state_created" ON "oidc_sign_in_state" ("created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "admin_user" ADD "oidc_issuer" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "admin_user" ADD "oidc_subject" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "admin_user" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_admin_user_oidc_identity" ON "admin_user" ("oidc_issuer", "oidc_subject") `,
    );
    // by hand: TypeORM leaves out an index's WHERE when it compares, so it wrote nothing for it
    await queryRunner.query(`DROP INDEX "public"."UQ_admin_user_email"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") WHERE "password_hash" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // by hand: the accounts of the identity provider have no password, which the old schema needs
    await queryRunner.query(`DELETE FROM "admin_user" WHERE "password_hash" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."UQ_admin_user_email"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_admin_user_email" ON "admin_user" ("email") `);
    await queryRunner.query(`DROP INDEX "public"."UQ_admin_user_oidc_identity"`);
    await queryRunner.query(`ALTER TABLE "admin_user" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "admin_user" DROP COLUMN "oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "admin_user" DROP COLUMN "oidc_issuer"`);
    await queryRunner.query(`DROP INDEX "public"."IX_oidc_sign_in_state_created"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in_state"`);
  }
}
