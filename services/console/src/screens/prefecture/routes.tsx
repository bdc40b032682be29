import { Route } from 'react-router';

export const prefectureRoutes = <Route path="/prefecture" element={<h1>prefecture</h1>} />;
