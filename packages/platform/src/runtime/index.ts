export * from './clock';
export * from './shutdown';
export * from './service-runtime';
export * from './periodic';
