import { Body, Get, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../cookies';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession, SignInRoute } from '../session/console-session';
import type { Form } from '../views/form';
import { SignInPages } from './sign-in-pages.service';

/** Signing in and out of the console. */
@ConsoleController()
export class SignInController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly signIn: SignInPages,
  ) {}

  @Get('login')
  @SignInRoute()
  form(
    @ConsoleSession() session: ConsoleSession | null,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.signIn.form(session, query));
  }

  @Post('login')
  @SignInRoute()
  submit(@Ip() client: string, @Body() form: Form = {}, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.signIn.signIn(client, form));
  }

  @Post('logout')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.signIn.signOut(request.cookies[SESSION_COOKIE]));
  }
}
