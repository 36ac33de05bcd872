import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleSessions1795616445588 implements MigrationInterface {
  name = 'ConsoleSessions1795616445588';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "admin_id" varchar NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_admin_session_admin" ON "admin_session" ("admin_id") `,
    );
    await queryRunner.query(`DROP INDEX "IX_admin_session_admin"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_admin_session" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "admin_id" varchar NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, CONSTRAINT "FK_1e1e8156c364c7c434086789a5e" FOREIGN KEY ("admin_id") REFERENCES "admin_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_admin_session"("token_hash", "admin_id", "csrf_token", "created_at", "last_seen_at") SELECT "token_hash", "admin_id", "csrf_token", "created_at", "last_seen_at" FROM "admin_session"`,
    );
    await queryRunner.query(`DROP TABLE "admin_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_session" RENAME TO "admin_session"`);
    await queryRunner.query(
      `CREATE INDEX "IX_admin_session_admin" ON "admin_session" ("admin_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_admin_session_admin"`);
    await queryRunner.query(`ALTER TABLE "admin_session" RENAME TO "temporary_admin_session"`);
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "admin_id" varchar NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "admin_session"("token_hash", "admin_id", "csrf_token", "created_at", "last_seen_at") SELECT "token_hash", "admin_id", "csrf_token", "created_at", "last_seen_at" FROM "temporary_admin_session"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_admin_session"`);
    await queryRunner.query(
      `CREATE INDEX "IX_admin_session_admin" ON "admin_session" ("admin_id") `,
    );
    await queryRunner.query(`DROP INDEX "IX_admin_session_admin"`);
    await queryRunner.query(`DROP TABLE "admin_session"`);
  }
}
