export * from './services';
export * from './api-client';
export * from './tokens';
export * from './clock-driver';
export * from './system-processes';
export * from './webhook-receiver';
export * from './demo';
export * from './stories';
