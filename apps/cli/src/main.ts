import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig } from '@ledarspegel/config';
import { keepNewFilesPrivate } from '@ledarspegel/core';
import { CliModule } from './cli.module';

function fail(error: unknown): never {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : String((error as Error)?.message ?? error);
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const config = loadConfig();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error'],
    abortOnError: false,
    errorHandler: (error) => {
      // commander's own exits (--help, --version) carry exitCode 0
      const exitCode = (error as { exitCode?: number }).exitCode;
      if (exitCode === 0) {
        process.exit(0);
      }
      fail(error);
    },
    serviceErrorHandler: fail,
  });
}

main().catch(fail);
