import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponseStorageModule } from '@ledarspegel/responses';
import { ReportBuilder } from './report-builder';
import { Report } from './report.entity';
import { ReportRepository } from './report.repository';
import { ReportMailComposer } from './report-mail.composer';
import { ReportPdfRenderer } from './report-pdf.renderer';
import { ReportPageController } from './report-page.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Report]),
    CampaignsModule,
    QuestionnairesModule,
    ResponseStorageModule,
  ],
  controllers: [ReportsController, ReportPageController],
  providers: [
    ReportRepository,
    ReportBuilder,
    ReportsService,
    ReportMailComposer,
    ReportPdfRenderer,
  ],
  // ReportBuilder: the reports port of libs/campaigns, which each app provides with it
  exports: [ReportsService, ReportPdfRenderer, ReportBuilder],
})
export class ReportsModule {}
