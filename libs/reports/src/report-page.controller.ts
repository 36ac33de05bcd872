import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/core';
import { ReportPageService } from './report-page.service';

/** The manager's own report on the web, by the signed link in the report e-mail. */
@ApiExcludeController()
@Public()
@Controller('reports')
export class ReportPageController {
  constructor(private readonly pages: ReportPageService) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const { status, html } = await this.pages.page(token);
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
