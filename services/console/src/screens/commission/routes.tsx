import { Route } from 'react-router';
import { PlacesScreen } from './PlacesScreen';
import { QueueScreen } from './QueueScreen';
import { RequestScreen } from './RequestScreen';
import { SessionScreen } from './SessionScreen';
import { SessionsScreen } from './SessionsScreen';

export const commissionRoutes = (
  <>
    <Route path="/commission" element={<QueueScreen />} />
    <Route path="/commission/demandes/:id" element={<RequestScreen />} />
    <Route path="/commission/sessions" element={<SessionsScreen />} />
    <Route path="/commission/sessions/:id" element={<SessionScreen />} />
    <Route path="/commission/places" element={<PlacesScreen />} />
  </>
);
