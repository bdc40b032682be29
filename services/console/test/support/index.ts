export * from './console-system';
export * from './browser';
