import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { PeopleModule } from '@ledarspegel/people';
import { ReportsModule } from '@ledarspegel/reports';
import { ResponseStorageModule } from '@ledarspegel/responses';
import { AccessibilityStatement } from './accessibility-statement';
import { AccessibilityStatementController } from './accessibility-statement.controller';
import { Anonymisation } from './anonymisation';
import { RegisterExtractService } from './extract/register-extract.service';
import { PeopleRecordsController } from './people-records.controller';
import { RetentionRun } from './retention/retention-run.entity';
import { RetentionSettings } from './retention/retention-settings.entity';
import { RetentionController } from './retention/retention.controller';
import { RetentionRepository } from './retention/retention.repository';
import { RetentionService } from './retention/retention.service';

/**
 * The organisation's public-sector duties: the accessibility statement (DOS-lagen), register
 * extracts and anonymisation (GDPR), retention and disposal (gallring, arkivlagen).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RetentionSettings, RetentionRun]),
    PeopleModule,
    CampaignsModule,
    ReportsModule,
    ResponseStorageModule,
  ],
  controllers: [AccessibilityStatementController, PeopleRecordsController, RetentionController],
  providers: [
    AccessibilityStatement,
    Anonymisation,
    RegisterExtractService,
    RetentionRepository,
    RetentionService,
  ],
  exports: [RetentionService, RegisterExtractService, Anonymisation],
})
export class ComplianceModule {}
