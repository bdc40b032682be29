import { Route } from 'react-router';

export const spipRoutes = <Route path="/spip" element={<h1>spip</h1>} />;
