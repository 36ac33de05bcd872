import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '@ledarspegel/core';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller(`${API_PREFIX}/auth`)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in as HR; 429 after repeated failures' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Ip() client: string, @Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(client, dto);
  }
}
