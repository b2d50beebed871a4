export * from './connect-mongo';
export * from './sequence';
