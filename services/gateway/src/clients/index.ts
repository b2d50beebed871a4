import type { GatewayConfig } from '../config';
import { createDocumentsClient, type DocumentsPort } from './documents.grpc';
import { createSupervisionClient, type SupervisionPort } from './supervision.grpc';

export type { CallCredentials } from './call';
export type { DocumentsPort } from './documents.grpc';
export type { SupervisionPort } from './supervision.grpc';

/** Every backend the routes call. A new service adds its port here, a client file and a route file. */
export interface GatewayPorts {
  documents: DocumentsPort;
  supervision: SupervisionPort;
}

/** gRPC clients for the configured addresses; channels connect lazily on the first call. */
export function createGrpcPorts(config: GatewayConfig): { ports: GatewayPorts; close(): void } {
  const documents = createDocumentsClient(config.DOCUMENT_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  const supervision = createSupervisionClient(config.SUPERVISION_GRPC_ADDR, config.GRPC_TIMEOUT_MS);
  return {
    ports: { documents, supervision },
    close: () => {
      documents.close();
      supervision.close();
    },
  };
}
