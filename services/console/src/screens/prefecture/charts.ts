import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the pieces the dashboard draws, registered once.
Chart.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = 'Marianne, arial, sans-serif';
Chart.defaults.color = '#3a3a3a';

/** DSFR illustrative colours, distinct enough side by side; each series is also named in the legend and the table. */
export const SERIES_COLOURS = ['#000091', '#c9191e', '#009081', '#a558a0', '#716043'];
