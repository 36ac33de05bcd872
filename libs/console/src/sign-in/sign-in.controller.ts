import { Body, Get, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OIDC_COOKIE, SESSION_COOKIE } from '../cookies';
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

  @Get('login/oidc')
  @SignInRoute()
  beginOidc(
    @ConsoleSession() session: ConsoleSession | null,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.signIn.beginOidc(session, query));
  }

  /** Where the identity provider sends the browser back; its cookie goes whatever the outcome. */
  @Get('login/oidc/callback')
  @SignInRoute()
  finishOidc(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const browserToken = request.cookies[OIDC_COOKIE];
    this.pages.forgetOidcSignIn(reply);
    return this.pages.send(reply, this.signIn.finishOidc(browserToken, queryOf(request.url)));
  }

  @Post('logout')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.signIn.signOut(request.cookies[SESSION_COOKIE]));
  }
}

/** The query string exactly as it came: the provider's answer is checked parameter by parameter. */
function queryOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  return new URLSearchParams(start < 0 ? '' : url.slice(start + 1));
}
