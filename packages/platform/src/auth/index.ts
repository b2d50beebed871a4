export * from './actor';
export * from './token-verifier';
