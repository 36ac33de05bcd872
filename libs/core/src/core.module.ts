import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Clock, CLOCK, systemClock } from './clock';
import { ErrorFilter } from './error.filter';
import { LOGGER, loggerProvider } from './logger.provider';
import { UploadGate } from './upload-gate';
import { createValidationPipe } from './validation';

/** The request stack every HTTP app and in-process test shares: one filter, one pipe, one logger, one upload gate. */
@Global()
@Module({
  providers: [
    loggerProvider,
    { provide: CLOCK, useFactory: (): Clock => ({ ...systemClock }) },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: UploadGate, useFactory: () => new UploadGate() },
  ],
  exports: [LOGGER, CLOCK, UploadGate],
})
export class CoreModule {}
