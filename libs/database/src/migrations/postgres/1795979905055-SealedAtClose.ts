import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedAtClose1795979905055 implements MigrationInterface {
  name = 'SealedAtClose1795979905055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subject_tally" ("campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "relationship" character varying(16) NOT NULL, "invited" integer NOT NULL, "responded" integer NOT NULL, CONSTRAINT "PK_383f4fa71e14b19f890bc2ecaa0" PRIMARY KEY ("campaign_id", "subject_id", "relationship"))`,
    );
    await queryRunner.query(`ALTER TABLE "campaign" ADD "sealed_at" TIMESTAMP`);
    await queryRunner.query(
      `ALTER TABLE "subject_tally" ADD CONSTRAINT "FK_a99346253312c3bb36710421fcb" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_tally" ADD CONSTRAINT "FK_7695e154f9fdecc75276fb540e1" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // Campaigns closed before sealing existed: their counts move to the tallies and their
    // assignments forget who answered and drafts go, as a close does now (DESIGN.md, rule 7). Their response
    // rows are not rewritten here; the scheduler vacuums once (campaign.sealed_at is null).
    await queryRunner.query(
      `INSERT INTO "subject_tally" ("campaign_id", "subject_id", "relationship", "invited", "responded") SELECT "a"."campaign_id", "a"."subject_id", "a"."relationship", COUNT(*), SUM(CASE WHEN "a"."answered" THEN 1 ELSE 0 END) FROM "assignment" "a" INNER JOIN "campaign" "c" ON "c"."id" = "a"."campaign_id" WHERE "c"."status" = 'closed' GROUP BY "a"."campaign_id", "a"."subject_id", "a"."relationship"`,
    );
    await queryRunner.query(
      `DELETE FROM "draft" WHERE "assignment_id" IN (SELECT "a"."id" FROM "assignment" "a" INNER JOIN "campaign" "c" ON "c"."id" = "a"."campaign_id" WHERE "c"."status" = 'closed')`,
    );
    await queryRunner.query(
      `UPDATE "assignment" SET "answered" = false WHERE "campaign_id" IN (SELECT "id" FROM "campaign" WHERE "status" = 'closed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "subject_tally" DROP CONSTRAINT "FK_7695e154f9fdecc75276fb540e1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_tally" DROP CONSTRAINT "FK_a99346253312c3bb36710421fcb"`,
    );
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "sealed_at"`);
    await queryRunner.query(`DROP TABLE "subject_tally"`);
  }
}
