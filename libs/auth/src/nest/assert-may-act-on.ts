import { ForbiddenException } from '@nestjs/common';
import { AuthenticatedUser } from '../authenticated-user';

/** Enforces the territory rule (`AuthenticatedUser.mayActOn`) with a 403. */
export function assertMayActOn(user: AuthenticatedUser, departement: string): void {
  if (!user.mayActOn(departement)) throw new ForbiddenException(`not allowed for département ${departement}`);
}
