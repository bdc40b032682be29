import { AuthenticatedUser } from './authenticated-user';

describe('AuthenticatedUser', () => {
  const cpip = new AuthenticatedUser({ subject: 'alice', roles: ['spip'], departements: ['75', '2A'] });
  const admin = new AuthenticatedUser({ subject: 'root', roles: ['admin'], departements: [] });

  it('may act only on the départements of its token', () => {
    expect(cpip.mayActOn('75')).toBe(true);
    expect(cpip.mayActOn('2A')).toBe(true);
    expect(cpip.mayActOn('92')).toBe(false);
  });

  it('lets an admin act on every département', () => {
    expect(admin.mayActOn('92')).toBe(true);
    expect(admin.mayActOn('976')).toBe(true);
  });

  it('never allows something that is not a département code', () => {
    expect(admin.mayActOn('20')).toBe(false);
    expect(cpip.mayActOn('')).toBe(false);
  });

  it('holds a role when it has any of the given ones', () => {
    expect(cpip.hasRole('siao', 'spip')).toBe(true);
    expect(cpip.hasRole('siao', 'admin')).toBe(false);
    expect(cpip.hasRole()).toBe(false);
  });

  it('cannot be widened after verification', () => {
    expect(() => cpip.roles.push('admin')).toThrow(TypeError);
    expect(() => cpip.departements.push('92')).toThrow(TypeError);
  });
});
