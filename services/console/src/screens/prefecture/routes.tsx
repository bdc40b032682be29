import { Route } from 'react-router';
import { PrefectureDashboardPage } from './PrefectureDashboardPage';

export const prefectureRoutes = <Route path="/prefecture" element={<PrefectureDashboardPage />} />;
