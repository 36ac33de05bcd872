import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInCounters1795980364459 implements MigrationInterface {
  name = 'SignInCounters1795980364459';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_counter" ("key_hash" character varying(64) NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_79642ab1b3d4c9ca2021deb4681" PRIMARY KEY ("key_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_sign_in_counter_window" ON "sign_in_counter" ("window_started_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_sign_in_counter_window"`);
    await queryRunner.query(`DROP TABLE "sign_in_counter"`);
  }
}
