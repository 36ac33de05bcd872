import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { createLogger } from './logger';

export const LOGGER = Symbol('LOGGER');

export const loggerProvider: Provider = {
  provide: LOGGER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createLogger(config.logLevel),
};
