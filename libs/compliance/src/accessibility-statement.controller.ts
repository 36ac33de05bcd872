import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/core';
import { AccessibilityStatement } from './accessibility-statement';

/**
 * The accessibility statement (DOS-lagen), one page per language, linked from the footer of
 * every page a rater or manager sees. Public: anyone may read it without a link or sign-in.
 */
@ApiExcludeController()
@Public()
@Controller()
export class AccessibilityStatementController {
  constructor(private readonly statement: AccessibilityStatement) {}

  @Get('tillganglighet')
  swedish(@Res() reply: FastifyReply): void {
    this.statement.send(reply, 'sv');
  }

  @Get('accessibility')
  english(@Res() reply: FastifyReply): void {
    this.statement.send(reply, 'en');
  }
}
