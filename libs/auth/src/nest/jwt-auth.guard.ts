import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser } from '../authenticated-user';
import { AuthenticationError } from '../authentication.errors';
import { JwtVerifier } from '../jwt-verifier';
import { Role } from '../roles';
import { PUBLIC_ROUTE_KEY, ROLES_KEY } from './auth.decorators';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

const BEARER = /^Bearer +(\S+)$/i;

/**
 * Registered globally (APP_GUARD) by `AuthModule`: every HTTP route needs a valid bearer
 * token unless marked `@Public()`, and the roles of `@Roles(...)` when present.
 * 401 when the token is missing or refused, 403 when the user lacks every required role.
 * Only HTTP requests carry a token: other contexts (RPC, WebSocket) are left to their transport.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: JwtVerifier,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const user = this.authenticate(request.headers.authorization);
    request.user = user;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required && required.length > 0 && !user.hasRole(...required)) {
      throw new ForbiddenException(`requires one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  private authenticate(header: string | string[] | undefined): AuthenticatedUser {
    const token = typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
    if (!token) throw new UnauthorizedException('missing bearer token');
    try {
      return this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) throw new UnauthorizedException(error.reason);
      throw error;
    }
  }
}
