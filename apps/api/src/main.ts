import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledarspegel/config';
import { createLogger, keepNewFilesPrivate } from '@ledarspegel/core';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  createLogger(config.logLevel).info(
    { port: config.port, database: config.database.type, worker: config.worker },
    `Ledarspegel is running on ${config.publicUrl}`,
  );
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : String((error as Error)?.message ?? error);
  process.stderr.write(`Ledarspegel could not start: ${message}\n`);
  process.exit(1);
});
