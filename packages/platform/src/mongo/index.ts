export * from './connect-mongo';
