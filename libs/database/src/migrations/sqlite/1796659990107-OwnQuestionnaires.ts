import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnQuestionnaires1796659990107 implements MigrationInterface {
  name = 'OwnQuestionnaires1796659990107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "questionnaire_version" ("key" varchar(64) NOT NULL, "version" integer NOT NULL, "content" text NOT NULL, "created_at" datetime NOT NULL, PRIMARY KEY ("key", "version"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "questionnaire_version"`);
  }
}
