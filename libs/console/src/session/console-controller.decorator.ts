import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@ledarspegel/auth';
import { ConsolePageFilter } from './console-page.filter';
import { ConsoleSessionGuard } from './console-session.guard';

/**
 * A controller of the HR console under /admin: server-rendered pages on the cookie session
 * (the ConsoleSessionGuard, not the API's bearer guard), errors as pages (ConsolePageFilter),
 * and out of the OpenAPI document.
 */
export const ConsoleController = (): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    Public(),
    Controller('admin'),
    UseGuards(ConsoleSessionGuard),
    UseFilters(ConsolePageFilter),
  );
