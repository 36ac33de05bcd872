import { Body, Controller, HttpCode, HttpStatus, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '@ledarspegel/core';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './login.dto';
import { Public } from '@ledarspegel/core';
import { SignInRequestGuard } from './sign-in-request.guard';

@ApiTags('auth')
@Controller(`${API_PREFIX}/auth`)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @UseGuards(SignInRequestGuard)
  @ApiOperation({
    summary:
      'Sign in as HR; JSON only (415 otherwise), 403 from another site or when PASSWORD_LOGIN=off, 429 after repeated failures',
  })
  @ApiConsumes('application/json')
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Ip() client: string, @Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(client, dto);
  }
}
