import { mintDevToken, Role } from '@passerelle/auth';

/** Development tokens for a driver: an admin, and each field role on its départements. */
export const tokens = {
  admin: () => mintDevToken({ subject: 'driver-admin', roles: ['admin'], departements: [] }),
  of: (role: Role, departements: string[], organisation?: string) =>
    mintDevToken({ subject: `driver-${role}-${organisation ?? departements.join('-')}`, roles: [role], departements, organisation }),
};
