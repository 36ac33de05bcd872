import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleSessions1795616445588 implements MigrationInterface {
  name = 'ConsoleSessions1795616445588';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("token_hash" character varying(64) NOT NULL, "admin_id" uuid NOT NULL, "csrf_token" character varying(64) NOT NULL, "created_at" TIMESTAMP NOT NULL, "last_seen_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_3779826166c68e21087087f20b8" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_admin_session_admin" ON "admin_session" ("admin_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "admin_session" ADD CONSTRAINT "FK_1e1e8156c364c7c434086789a5e" FOREIGN KEY ("admin_id") REFERENCES "admin_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "admin_session" DROP CONSTRAINT "FK_1e1e8156c364c7c434086789a5e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IX_admin_session_admin"`);
    await queryRunner.query(`DROP TABLE "admin_session"`);
  }
}
