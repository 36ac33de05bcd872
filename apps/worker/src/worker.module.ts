import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule } from '@ledarspegel/database';

/** The background work without HTTP; jobs (outbox, schedules, reports) join as they are built. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), CoreModule, DatabaseModule.forRoot()],
    };
  }
}
