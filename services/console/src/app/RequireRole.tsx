import { Navigate, Outlet } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Role } from '../session/session';
import { useSession } from '../session/session-context';

/** Screens of some roles: others are sent to sign in, or told the screen is not theirs. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/connexion" replace />;
  if (!roles.includes(session.role)) {
    return (
      <div className="fr-container fr-my-4w">
        <Alert severity="warning" title="Accès réservé" description="Cet écran n’est pas ouvert à votre profil." />
      </div>
    );
  }
  return <Outlet />;
}
