import { ExecutionContext, ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser } from '../authenticated-user';
import { mintDevToken } from '../dev-token';
import { JwtVerifier } from '../jwt-verifier';
import { assertMayActOn } from './assert-may-act-on';
import { currentUserOf, Public, Roles } from './auth.decorators';
import { JwtAuthGuard } from './jwt-auth.guard';

@Roles('siao', 'admin')
class ReferralController {
  @Public()
  health(): void {}

  list(): void {}

  @Roles('spip')
  submit(): void {}
}

@Public()
class DocsController {
  show(): void {}
}

interface FakeRequest {
  headers: Record<string, string | undefined>;
  user?: AuthenticatedUser;
}

function httpContext(request: FakeRequest, handler: () => void, controller: object, type = 'http'): ExecutionContext {
  return {
    getType: () => type,
    getHandler: () => handler,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}), getNext: () => () => undefined }),
  } as unknown as ExecutionContext;
}

const guard = new JwtAuthGuard(new JwtVerifier({ env: { NODE_ENV: 'test' } }), new Reflector());
const siao = mintDevToken({ subject: 'bob', roles: ['siao'], departements: ['92'] });
const spip = mintDevToken({ subject: 'alice', roles: ['spip'], departements: ['75'] });
const { health, list, submit } = ReferralController.prototype;

function failure(run: () => unknown): HttpException {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpException) return error;
    throw error;
  }
  throw new Error('the guard let the request through');
}

describe('JwtAuthGuard', () => {
  it('attaches the verified user to the request', () => {
    const request: FakeRequest = { headers: { authorization: `Bearer ${siao}` } };

    expect(guard.canActivate(httpContext(request, list, ReferralController))).toBe(true);
    expect(request.user).toBeInstanceOf(AuthenticatedUser);
    expect(request.user?.subject).toBe('bob');
  });

  it('answers 401 without a bearer token', () => {
    for (const authorization of [undefined, '', `Basic ${siao}`, 'Bearer ']) {
      const error = failure(() => guard.canActivate(httpContext({ headers: { authorization } }, list, ReferralController)));
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toBe('missing bearer token');
    }
  });

  it('answers 401 with the reason when the token is refused', () => {
    const request: FakeRequest = { headers: { authorization: 'Bearer not.a.token' } };

    const error = failure(() => guard.canActivate(httpContext(request, list, ReferralController)));

    expect(error).toBeInstanceOf(UnauthorizedException);
    expect(error.message).toBe('malformed token');
    expect(request.user).toBeUndefined();
  });

  it('answers 403 naming the roles when the user has none of them', () => {
    const error = failure(() => guard.canActivate(httpContext({ headers: { authorization: `Bearer ${spip}` } }, list, ReferralController)));

    expect(error).toBeInstanceOf(ForbiddenException);
    expect(error.message).toBe('requires one of the roles: siao, admin');
  });

  it("lets a handler's roles replace its controller's", () => {
    expect(guard.canActivate(httpContext({ headers: { authorization: `Bearer ${spip}` } }, submit, ReferralController))).toBe(true);
    expect(failure(() => guard.canActivate(httpContext({ headers: { authorization: `Bearer ${siao}` } }, submit, ReferralController))))
      .toBeInstanceOf(ForbiddenException);
  });

  it('skips @Public() handlers and controllers', () => {
    const request: FakeRequest = { headers: {} };

    expect(guard.canActivate(httpContext(request, health, ReferralController))).toBe(true);
    expect(guard.canActivate(httpContext(request, DocsController.prototype.show, DocsController))).toBe(true);
    expect(request.user).toBeUndefined();
  });
});

describe('currentUserOf', () => {
  it('returns the user the guard attached, and fails loudly on an unauthenticated request', () => {
    const request: FakeRequest = { headers: { authorization: `Bearer ${siao}` } };
    const context = httpContext(request, list, ReferralController);
    guard.canActivate(context);

    expect(currentUserOf(context).subject).toBe('bob');
    expect(() => currentUserOf(httpContext({ headers: {} }, health, ReferralController))).toThrow(/no authenticated user/);
  });
});

describe('assertMayActOn', () => {
  it('answers 403 outside the user territory', () => {
    const user = new AuthenticatedUser({ subject: 'bob', roles: ['siao'], departements: ['92'] });

    expect(() => assertMayActOn(user, '92')).not.toThrow();
    const error = failure(() => assertMayActOn(user, '75'));
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(error.message).toBe('not allowed for département 75');
  });
});
