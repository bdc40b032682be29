export * from './expect-eventually';
export * from './infrastructure';
export * from './topic-probe';
export * from './service-harness';
export * from './local-infra';
export * from './cloud-events';
export * from './consumer-under-test';
export * from './json-client';
