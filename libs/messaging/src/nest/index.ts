export * from './handles-event.decorator';
export * from './messaging.module';
export * from './messaging.options';
export * from './messaging-lifecycle';
export * from './typeorm-transactions';
