import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../session/SignInPage';
import { homeOf } from '../session/session';
import { useSession } from '../session/session-context';
import { RequireRole } from './RequireRole';
import { Shell } from './Shell';
import { spipRoutes } from '../screens/spip/routes';
import { commissionRoutes } from '../screens/commission/routes';
import { structureRoutes } from '../screens/structure/routes';
import { prefectureRoutes } from '../screens/prefecture/routes';

export function App() {
  const { session } = useSession();
  return (
    <Shell>
      <Routes>
        <Route path="/connexion" element={<SignInPage />} />
        <Route element={<RequireRole roles={['spip', 'admin']} />}>{spipRoutes}</Route>
        <Route element={<RequireRole roles={['siao', 'admin']} />}>{commissionRoutes}</Route>
        <Route element={<RequireRole roles={['structure']} />}>{structureRoutes}</Route>
        <Route element={<RequireRole roles={['prefecture', 'admin']} />}>{prefectureRoutes}</Route>
        <Route path="*" element={<Navigate to={session ? homeOf(session.role) : '/connexion'} replace />} />
      </Routes>
    </Shell>
  );
}
