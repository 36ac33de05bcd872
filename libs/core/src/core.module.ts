import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Clock, CLOCK, systemClock } from './clock';
import { ErrorFilter } from './error.filter';
import { LOGGER, loggerProvider } from './logger.provider';
import { createValidationPipe } from './validation';

/** The request stack every HTTP app and in-process test shares: one filter, one pipe, one logger. */
@Global()
@Module({
  providers: [
    loggerProvider,
    { provide: CLOCK, useFactory: (): Clock => ({ ...systemClock }) },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
  exports: [LOGGER, CLOCK],
})
export class CoreModule {}
