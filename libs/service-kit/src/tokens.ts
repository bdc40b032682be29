export const SERVICE_SCHEMA = Symbol('SERVICE_SCHEMA');
