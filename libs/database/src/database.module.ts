import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { dataSourceOptions, openDataSource } from './data-source';

@Module({})
export class DatabaseModule {
  /** The database from `DATABASE_URL`, with migrations run before anything uses it. */
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database),
            // each lib's module registers its own entities (TypeOrmModule.forFeature)
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (options) => {
            if (!options) {
              throw new Error('database options are missing');
            }
            return openDataSource(options);
          },
        }),
      ],
    };
  }
}
