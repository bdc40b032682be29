export * from './service-definition';
export * from './service-platform.module';
export * from './bootstrap';
export * from './validation';
export * from './tokens';
export * from './clock';
export * from './unit-of-work';
export * from './schema-of-migration';
