import { documentV1 } from '@gov/contracts';
import { createClient } from '@gov/platform';
import { callAs, type CallCredentials } from './call';

/** The document service as the routes see it; tests pass a plain object instead of a gRPC client. */
export interface DocumentsPort {
  registerIncoming(
    req: documentV1.RegisterIncomingRequest,
    call: CallCredentials,
  ): Promise<documentV1.RegisterIncomingResponse>;
  getIncoming(req: documentV1.GetIncomingRequest, call: CallCredentials): Promise<documentV1.GetIncomingResponse>;
  listAwaitingRegistration(
    req: documentV1.ListAwaitingRegistrationRequest,
    call: CallCredentials,
  ): Promise<documentV1.ListAwaitingRegistrationResponse>;
  registerSignedIn(
    req: documentV1.RegisterSignedInRequest,
    call: CallCredentials,
  ): Promise<documentV1.RegisterSignedInResponse>;
}

export function createDocumentsClient(address: string, timeoutMs: number): DocumentsPort & { close(): void } {
  const client = createClient(documentV1.DocumentServiceClient, address);
  return {
    registerIncoming: (req, call) => callAs(client.registerIncoming.bind(client), req, call, timeoutMs),
    getIncoming: (req, call) => callAs(client.getIncoming.bind(client), req, call, timeoutMs),
    listAwaitingRegistration: (req, call) => callAs(client.listAwaitingRegistration.bind(client), req, call, timeoutMs),
    registerSignedIn: (req, call) => callAs(client.registerSignedIn.bind(client), req, call, timeoutMs),
    close: () => client.close(),
  };
}
