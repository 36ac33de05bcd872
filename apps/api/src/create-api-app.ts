import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@ledarspegel/config';
import {
  configureHttpApp,
  createFastifyAdapter,
  createLogger,
  PinoLoggerService,
} from '@ledarspegel/core';
import { ApiModule } from './api.module';

/** Builds the api exactly as `npm start` runs it; the e2e tests use this too. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    createFastifyAdapter(config),
    {
      logger: new PinoLoggerService(createLogger(config.logLevel)),
      abortOnError: false,
    },
  );
  await configureHttpApp(app);
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
