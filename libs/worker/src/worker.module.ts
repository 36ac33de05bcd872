import { DynamicModule, Module } from '@nestjs/common';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { ComplianceModule } from '@ledarspegel/compliance';
import { BackgroundWorker, WORKER_ENABLED } from './background-worker';

@Module({})
export class BackgroundWorkerModule {
  /** `enabled`: start the loops at bootstrap (the worker app, or the api with WORKER=embedded). */
  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: BackgroundWorkerModule,
      imports: [CampaignsModule, ComplianceModule],
      providers: [BackgroundWorker, { provide: WORKER_ENABLED, useValue: enabled }],
      exports: [BackgroundWorker],
    };
  }
}
