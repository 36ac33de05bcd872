import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInCounters1795980364459 implements MigrationInterface {
  name = 'SignInCounters1795980364459';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_counter" ("key_hash" varchar(64) PRIMARY KEY NOT NULL, "attempts" integer NOT NULL, "window_started_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_sign_in_counter_window" ON "sign_in_counter" ("window_started_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_sign_in_counter_window"`);
    await queryRunner.query(`DROP TABLE "sign_in_counter"`);
  }
}
