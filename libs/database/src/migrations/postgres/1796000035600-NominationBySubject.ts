import { MigrationInterface, QueryRunner } from 'typeorm';

export class NominationBySubject1796000035600 implements MigrationInterface {
  name = 'NominationBySubject1796000035600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "nomination" ("campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "approved_by" character varying(8), CONSTRAINT "PK_5257de82edd77fbf05c1914cc3f" PRIMARY KEY ("campaign_id", "subject_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "nominated_rater" ("campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "list" character varying(10) NOT NULL, "rater_id" uuid NOT NULL, "relationship" character varying(16) NOT NULL, CONSTRAINT "PK_abf6231dad21e2c3ffa120e9717" PRIMARY KEY ("campaign_id", "subject_id", "list", "rater_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_token" ("token_hash" character varying(64) NOT NULL, "campaign_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "role" character varying(8) NOT NULL, CONSTRAINT "PK_0034a1a407a3d36564ae0a6a846" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_nomination_token_subject" ON "nomination_token" ("campaign_id", "subject_id") `,
    );
    await queryRunner.query(`ALTER TABLE "campaign" ADD "nomination_min" integer`);
    await queryRunner.query(`ALTER TABLE "campaign" ADD "nomination_max" integer`);
    await queryRunner.query(
      `ALTER TABLE "campaign" ADD "nomination_approver" character varying(8)`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "FK_a7e14ad61771340bcbf84e551c2" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "FK_05ae9b2c4e5dedc5cccdb084d37" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominated_rater" ADD CONSTRAINT "FK_7cc214e7a1b7909dcaf45bbbc0e" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominated_rater" ADD CONSTRAINT "FK_187b484fd68bcd3e635235cbabc" FOREIGN KEY ("rater_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_token" ADD CONSTRAINT "FK_e8b7108ea974a77ce4da960f141" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "nomination_token" DROP CONSTRAINT "FK_e8b7108ea974a77ce4da960f141"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominated_rater" DROP CONSTRAINT "FK_187b484fd68bcd3e635235cbabc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominated_rater" DROP CONSTRAINT "FK_7cc214e7a1b7909dcaf45bbbc0e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination" DROP CONSTRAINT "FK_05ae9b2c4e5dedc5cccdb084d37"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination" DROP CONSTRAINT "FK_a7e14ad61771340bcbf84e551c2"`,
    );
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "nomination_approver"`);
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "nomination_max"`);
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "nomination_min"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_nomination_token_subject"`);
    await queryRunner.query(`DROP TABLE "nomination_token"`);
    await queryRunner.query(`DROP TABLE "nominated_rater"`);
    await queryRunner.query(`DROP TABLE "nomination"`);
  }
}
