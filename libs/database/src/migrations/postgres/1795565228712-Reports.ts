import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795565228712 implements MigrationInterface {
  name = 'Reports1795565228712';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "content" text NOT NULL, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_campaign_subject" ON "report" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_066698595c7ce6d2dd6d33b3ef5" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_bda11f278b592d22f5f17403758" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "report" DROP CONSTRAINT "FK_bda11f278b592d22f5f17403758"`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" DROP CONSTRAINT "FK_066698595c7ce6d2dd6d33b3ef5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_report_campaign_subject"`);
    await queryRunner.query(`DROP TABLE "report"`);
  }
}
