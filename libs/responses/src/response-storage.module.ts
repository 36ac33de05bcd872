import { Module } from '@nestjs/common';
import { ResponseSealer } from './response-sealer';

/** Sealing alone, for the reports that call it at close, without the survey pages. */
@Module({
  providers: [ResponseSealer],
  exports: [ResponseSealer],
})
export class ResponseSealingModule {}
