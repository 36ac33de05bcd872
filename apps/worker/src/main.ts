import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@ledarspegel/config';
import { createLogger, keepNewFilesPrivate, PinoLoggerService } from '@ledarspegel/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoLoggerService(logger),
    abortOnError: false,
  });
  await app.init();
  logger.info({ database: config.database.type }, 'Ledarspegel worker started');
  // Keep the process alive until it is told to stop; jobs run on their own timers.
  const keepAlive = setInterval(() => undefined, 60_000);
  const stop = (signal: string): void => {
    clearInterval(keepAlive);
    logger.info({ signal }, 'Ledarspegel worker stopping');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : String((error as Error)?.message ?? error);
  process.stderr.write(`Ledarspegel worker could not start: ${message}\n`);
  process.exit(1);
});
