import { credentials, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { AppError, type FieldViolation } from '../errors';
import { categoryByGrpcStatus } from './status-map';
import { metadataKeys } from './call-context';

/** Metadata that carries the caller to the next service: their token, or in dev an unsigned actor. */
export function callMetadata(opts: { authorization?: string; actor?: string; requestId?: string }): Metadata {
  const md = new Metadata();
  if (opts.authorization) md.set(metadataKeys.authorization, opts.authorization);
  if (opts.actor) md.set(metadataKeys.actor, opts.actor);
  if (opts.requestId) md.set(metadataKeys.requestId, opts.requestId);
  return md;
}

/** Builds a ts-proto generated client for host:port (plaintext inside the cluster network policy). */
export function createClient<C extends Client>(
  ctor: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => C,
  address: string,
): C {
  return new ctor(address, credentials.createInsecure());
}

/** A service's error as the calling side sees it, keeping the stable code from the trailer. */
export class RemoteError extends AppError {
  constructor(
    readonly grpcCode: status,
    code: string,
    message: string,
    violations: FieldViolation[],
  ) {
    super(code, categoryByGrpcStatus.get(grpcCode) ?? 'internal', message, violations);
  }
}

export function fromServiceError(e: ServiceError): RemoteError {
  const code = e.metadata?.get(metadataKeys.errorCode)[0];
  const rawViolations = e.metadata?.get(metadataKeys.errorViolations)[0];
  let violations: FieldViolation[] = [];
  if (Buffer.isBuffer(rawViolations)) {
    try {
      violations = JSON.parse(rawViolations.toString('utf8')) as FieldViolation[];
    } catch {
      violations = [];
    }
  }
  const fallback =
    e.code === status.DEADLINE_EXCEEDED
      ? 'DEADLINE_EXCEEDED'
      : e.code === status.UNAVAILABLE
        ? 'SERVICE_UNAVAILABLE'
        : 'INTERNAL';
  return new RemoteError(e.code, typeof code === 'string' ? code : fallback, e.details || e.message, violations);
}

/** Calls a unary method of a generated client as a promise, with a deadline, mapping errors to RemoteError. */
export function unaryCall<Req, Res>(
  fn: (
    req: Req,
    md: Metadata,
    options: { deadline: Date },
    cb: (err: ServiceError | null, res: Res) => void,
  ) => unknown,
  req: Req,
  md: Metadata,
  timeoutMs: number,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(req, md, { deadline: new Date(Date.now() + timeoutMs) }, (err, res) =>
      err ? reject(fromServiceError(err)) : resolve(res),
    );
  });
}
