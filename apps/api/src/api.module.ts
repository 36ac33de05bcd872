import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { AppConfig, ConfigModule } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule, HealthModule } from '@ledarspegel/database';
import { PeopleModule } from '@ledarspegel/people';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';

/** The HTTP application: assembles the libs, holds no code of its own. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        HealthModule,
        AuthModule,
        PeopleModule,
        QuestionnairesModule,
      ],
    };
  }
}
