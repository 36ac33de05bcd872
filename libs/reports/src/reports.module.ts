import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponseSealingModule } from '@ledarspegel/responses';
import { ReportBuilder } from './report-builder';
import { Report } from './report.entity';
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
    ResponseSealingModule,
  ],
  controllers: [ReportsController, ReportPageController],
  providers: [ReportBuilder, ReportsService, ReportMailComposer, ReportPdfRenderer],
  exports: [ReportsService, ReportPdfRenderer],
})
export class ReportsModule {}
