import type { Metadata, ServiceError } from '@grpc/grpc-js';
import { callMetadata, unaryCall } from '@gov/platform';

/** What a service call needs from the HTTP request: the caller's own token and the request id. */
export interface CallCredentials {
  authorization: string;
  requestId: string;
}

type UnaryMethod<Req, Res> = (
  req: Req,
  md: Metadata,
  options: { deadline: Date },
  cb: (err: ServiceError | null, res: Res) => void,
) => unknown;

/**
 * One unary call on behalf of the HTTP caller. The same bearer token goes along so the service verifies
 * the caller itself (ARCHITECTURE §8); failures arrive as RemoteError with the service's stable code.
 */
export function callAs<Req, Res>(
  method: UnaryMethod<Req, Res>,
  req: Req,
  call: CallCredentials,
  timeoutMs: number,
): Promise<Res> {
  const md = callMetadata({ authorization: call.authorization, requestId: call.requestId });
  return unaryCall(method, req, md, timeoutMs);
}
