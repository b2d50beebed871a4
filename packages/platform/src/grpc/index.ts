export * from './call-context';
export * from './grpc-server';
export * from './grpc-client';
export * from './status-map';
export * from './audit-mapper';
