export * from './clock';
export * from './shutdown';
