import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponseStorageModule } from '@ledarspegel/responses';
import { PeopleModule } from '@ledarspegel/people';
import { ReportBuilder } from './report-builder';
import { ReportPageController } from './report-page.controller';
import { ReportPageService } from './report-page.service';
import { DevelopmentPlan } from './plans/development-plan.entity';
import { DevelopmentPlanRepository } from './plans/development-plan.repository';
import { PlanPageController } from './plans/plan-page.controller';
import { PlanSharedMailComposer } from './plans/plan-shared-mail.composer';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
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
    TypeOrmModule.forFeature([Report, DevelopmentPlan]),
    CampaignsModule,
    QuestionnairesModule,
    ResponseStorageModule,
    PeopleModule,
  ],
  controllers: [ReportsController, ReportPageController, PlansController, PlanPageController],
  providers: [
    ReportRepository,
    ReportLoader,
    ReportBuilder,
    ReportsService,
    ReportPdfRenderer,
    ReportHtmlRenderer,
    ReportPageService,
    ReportMailComposer,
    DevelopmentPlanRepository,
    PlansService,
    PlanSharedMailComposer,
  ],
  // ReportBuilder: the reports port of libs/campaigns, which each app provides with it
  exports: [
    ReportsService,
    ReportPdfRenderer,
    ReportBuilder,
    ReportRepository,
    PlansService,
    DevelopmentPlanRepository,
  ],
})
export class ReportsModule {}
