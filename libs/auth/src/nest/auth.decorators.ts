import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { AuthenticatedUser } from '../authenticated-user';
import { Role } from '../roles';

export const PUBLIC_ROUTE_KEY = 'passerelle:auth:public';
export const ROLES_KEY = 'passerelle:auth:roles';

/** A route reachable without a token: health, metrics, API docs. On a handler or a controller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE_KEY, true);

/**
 * The caller needs at least one of these roles. A handler's list replaces its controller's. The list
 * is also published in the OpenAPI document (`x-roles`), for API clients and the hostile-input tests.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** The user `JwtAuthGuard` attached to the request; only on a route that is not `@Public()`. */
export function currentUserOf(context: ExecutionContext): AuthenticatedUser {
  const user: unknown = context.switchToHttp().getRequest<{ user?: unknown }>().user;
  if (!(user instanceof AuthenticatedUser)) {
    throw new Error('no authenticated user on this request: @CurrentUser() on a @Public() route, or JwtAuthGuard not registered');
  }
  return user;
}

/** Injects the `AuthenticatedUser` of the request into a handler parameter. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => currentUserOf(context));
