import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1796660076417 implements MigrationInterface {
  name = 'AuditTrail1796660076417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" TIMESTAMP NOT NULL, "actor" character varying(254) NOT NULL, "action" character varying(64) NOT NULL, "target" character varying(300) NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_at" ON "audit_entry" ("at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_at"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
