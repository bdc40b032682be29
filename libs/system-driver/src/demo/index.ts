export * from './demo-territory';
export * from './demo-records';
export * from './seed-demo-territory';
export * from './local-system';
