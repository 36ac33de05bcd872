import { Global, Module } from '@nestjs/common';
import { TemplateRenderer } from './template-renderer';

@Global()
@Module({
  providers: [{ provide: TemplateRenderer, useFactory: () => new TemplateRenderer() }],
  exports: [TemplateRenderer],
})
export class TemplatesModule {}
