import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminRoles1796659566840 implements MigrationInterface {
  name = 'AdminRoles1796659566840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "admin_user" ADD "role" character varying(16) NOT NULL DEFAULT 'admin'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "admin_user" DROP COLUMN "role"`);
  }
}
