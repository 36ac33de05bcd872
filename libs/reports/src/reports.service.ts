import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminActor } from '@ledarspegel/auth';
import { Campaign, CampaignsService } from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';
import { Person } from '@ledarspegel/people';
import { ReportBuilder } from './report-builder';
import { Report } from './report.entity';

@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly builder: ReportBuilder,
  ) {}

  /** Every close (by HR or on its date) builds the reports in the closing transaction. */
  onModuleInit(): void {
    this.campaigns.onClose((manager, campaign) => this.builder.build(manager, campaign));
  }

  async get(_actor: AdminActor, campaignId: string, employeeId: string): Promise<unknown> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) {
      throw new DomainError('not_found', `No campaign ${campaignId}.`);
    }
    if (campaign.status !== 'closed') {
      throw new DomainError('conflict', 'Reports are built when the campaign closes.');
    }
    const person = await this.dataSource.getRepository(Person).findOneBy({ employeeId });
    const report = person
      ? await this.dataSource.getRepository(Report).findOneBy({ campaignId, subjectId: person.id })
      : null;
    if (!report) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    return JSON.parse(report.content) as unknown;
  }
}
