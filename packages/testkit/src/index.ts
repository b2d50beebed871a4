export * from './infra';
export * from './test-env';
export * from './processes';
export * from './dev-keys';
