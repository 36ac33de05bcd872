import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { AppConfig, ConfigModule } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule } from '@ledarspegel/database';
import { PeopleModule } from '@ledarspegel/people';
import { AdminCreateCommand } from './commands/admin-create.command';
import { PeopleImportCommand } from './commands/people-import.command';

@Module({})
export class CliModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        AuthModule,
        PeopleModule,
      ],
      providers: [AdminCreateCommand, PeopleImportCommand],
    };
  }
}
