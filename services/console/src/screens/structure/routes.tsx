import { Route } from 'react-router';

export const structureRoutes = <Route path="/structure" element={<h1>structure</h1>} />;
