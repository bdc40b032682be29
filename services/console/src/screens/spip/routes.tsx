import { Route } from 'react-router';
import { CaseloadScreen } from './CaseloadScreen';
import { FileFormScreen } from './FileFormScreen';
import { ReferralScreen } from './ReferralScreen';

export const spipRoutes = (
  <>
    <Route path="/spip" element={<CaseloadScreen />} />
    <Route path="/spip/demandes/:id" element={<ReferralScreen />} />
    <Route path="/spip/demandes/:id/dossier" element={<FileFormScreen />} />
  </>
);
