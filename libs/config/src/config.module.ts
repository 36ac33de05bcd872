import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, Environment, parseConfig } from './app-config';
import { resolveSecretKey } from './secret-key';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Loads the configuration from the process environment, validated; the only reader of process.env. */
export function loadConfig(env: Environment = process.env): AppConfig {
  return resolveSecretKey(parseConfig(env));
}

@Global()
@Module({})
export class ConfigModule {
  /** `config` lets tests and the CLI pass an already-built configuration. */
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
