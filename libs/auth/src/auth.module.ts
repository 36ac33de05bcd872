import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@ledarspegel/core';
import { AdminSession } from './admin-session.entity';
import { AdminSessionsService } from './admin-sessions.service';
import { AdminUser } from './admin-user.entity';
import { AdminUsersService } from './admin-users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, LOGIN_THROTTLE } from './auth.service';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle } from './login-throttle';

/** HR accounts and sign-in; its guard protects every route not marked @Public(). */
@Module({
  imports: [TypeOrmModule.forFeature([AdminUser, AdminSession])],
  controllers: [AuthController],
  providers: [
    AdminUsersService,
    AuthService,
    AdminSessionsService,
    {
      provide: LOGIN_THROTTLE,
      useFactory: (clock: Clock) =>
        new LoginThrottle(DEFAULT_THROTTLE_LIMITS, () => clock.now().getTime()),
      inject: [CLOCK],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AdminUsersService, AuthService, AdminSessionsService],
})
export class AuthModule {}
