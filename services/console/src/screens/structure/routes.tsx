import { Route } from 'react-router';
import { OrientedScreen } from './OrientedScreen';
import { StructureRequestScreen } from './StructureRequestScreen';

export const structureRoutes = (
  <>
    <Route path="/structure" element={<OrientedScreen />} />
    <Route path="/structure/demandes/:id" element={<StructureRequestScreen />} />
  </>
);
