import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponseStorageModule } from '@ledarspegel/responses';
import { PeopleModule } from '@ledarspegel/people';
import { ReportBuilder } from './report-builder';
import { ReportPageController } from './report-page.controller';
import { Report } from './report.entity';
import { ReportLoader } from './report.loader';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportHtmlRenderer } from './renderers/html/report-html.renderer';
import { ReportMailComposer } from './renderers/mail/report-mail.composer';
import { ReportPdfRenderer } from './renderers/pdf/report-pdf.renderer';

@Module({
  imports: [
    TypeOrmModule.forFeature([Report]),
    CampaignsModule,
    QuestionnairesModule,
    ResponseStorageModule,
    PeopleModule,
  ],
  controllers: [ReportsController, ReportPageController],
  providers: [
    ReportRepository,
    ReportLoader,
    ReportBuilder,
    ReportsService,
    ReportPdfRenderer,
    ReportHtmlRenderer,
    ReportMailComposer,
  ],
  // ReportBuilder: the reports port of libs/campaigns, which each app provides with it
  exports: [ReportsService, ReportPdfRenderer, ReportBuilder, ReportRepository],
})
export class ReportsModule {}
