import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditTrail } from './audit/audit-trail';
import { AdminSession } from './admin-session.entity';
import { AdminSessionsService } from './admin-sessions.service';
import { AdminUser } from './admin-user.entity';
import { AdminUsersService } from './admin-users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { BearerUploads } from './bearer-uploads';
import { IdentityProviderClient } from './oidc/identity-provider.client';
import { OidcSignInState } from './oidc/oidc-sign-in-state.entity';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { SignInCounter } from './sign-in-counter.entity';
import { DEFAULT_SIGN_IN_LIMITS } from './sign-in-limit';
import { SIGN_IN_LIMITS, SignInThrottle } from './sign-in-throttle';

/**
 * HR accounts and sign-in, and the audit trail of what they do; its guard protects every route
 * not marked @Public().
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AdminUser, AdminSession, SignInCounter, OidcSignInState, AuditEntry]),
  ],
  controllers: [AuthController, AuditController],
  providers: [
    AdminUsersService,
    AuditTrail,
    AuthService,
    AdminSessionsService,
    SignInThrottle,
    BearerUploads,
    IdentityProviderClient,
    OidcSignInService,
    { provide: SIGN_IN_LIMITS, useValue: DEFAULT_SIGN_IN_LIMITS },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AdminUsersService, AuthService, AdminSessionsService, OidcSignInService, AuditTrail],
})
export class AuthModule {}
