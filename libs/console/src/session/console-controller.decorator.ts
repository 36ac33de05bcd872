import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@ledarspegel/core';
import { ConsolePageFilter } from './console-page.filter';
import { ConsoleSessionGuard } from './console-session.guard';

/**
 * A controller of the HR console under /admin: server-rendered pages on the cookie session
 * (the ConsoleSessionGuard, not the API's bearer guard), errors as pages (ConsolePageFilter),
 * and out of the OpenAPI document.
 *
 * Its routes take the reply (`@Res()`) and hand it with the page service's answer to
 * `ConsolePages.send`: the status is the page's (the form again is 422, a post ends in 303),
 * while a returned value would be sent with one status per route.
 */
export const ConsoleController = (): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    Public(),
    Controller('admin'),
    UseGuards(ConsoleSessionGuard),
    UseFilters(ConsolePageFilter),
  );
