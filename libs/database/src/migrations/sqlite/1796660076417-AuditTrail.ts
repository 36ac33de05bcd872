import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1796660076417 implements MigrationInterface {
  name = 'AuditTrail1796660076417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actor" varchar(254) NOT NULL, "action" varchar(64) NOT NULL, "target" varchar(300) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_at" ON "audit_entry" ("at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_audit_entry_at"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
