import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtVerifier } from '../jwt-verifier';
import { JwtAuthGuard } from './jwt-auth.guard';

/**
 * Import once in a service's root module: every HTTP route then requires a bearer token
 * (see `JwtAuthGuard`). The verifier reads its keys from the environment at start-up, so a
 * production service without `AUTH_JWT_PUBLIC_KEY(_FILE)` fails to boot.
 */
@Global()
@Module({
  providers: [
    { provide: JwtVerifier, useFactory: () => new JwtVerifier() },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [JwtVerifier],
})
export class AuthModule {}
