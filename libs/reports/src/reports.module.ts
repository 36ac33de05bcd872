import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ReportBuilder } from './report-builder';
import { Report } from './report.entity';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([Report]), CampaignsModule, QuestionnairesModule],
  controllers: [ReportsController],
  providers: [ReportBuilder, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
