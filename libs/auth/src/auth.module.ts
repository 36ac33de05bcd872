import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUser } from './admin-user.entity';
import { AdminUsersService } from './admin-users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, LOGIN_THROTTLE } from './auth.service';
import { LoginThrottle } from './login-throttle';

/** HR accounts and sign-in; its guard protects every route not marked @Public(). */
@Module({
  imports: [TypeOrmModule.forFeature([AdminUser])],
  controllers: [AuthController],
  providers: [
    AdminUsersService,
    AuthService,
    { provide: LOGIN_THROTTLE, useFactory: () => new LoginThrottle() },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AdminUsersService, AuthService],
})
export class AuthModule {}
