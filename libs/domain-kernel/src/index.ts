export * from './calendar-date';
export * from './health-data-guard';
