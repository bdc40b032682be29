import { Route } from 'react-router';

export const commissionRoutes = <Route path="/commission" element={<h1>commission</h1>} />;
