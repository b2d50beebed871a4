import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { grpcHealthV1 } from '@gov/contracts';
import { isAppError } from '../errors';
import type { Logger, Metrics } from '../observability';
import { metadataKeys, requestIdOf, type Authenticate, type CallContext } from './call-context';
import { grpcStatusByCategory } from './status-map';

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;
/** The writing end of a server-streaming RPC, as a handler sees it. */
export interface ResponseStream<Res> {
  write(message: Res): void;
  /** Resolves when the client goes away (cancel, deadline, disconnect) or the server shuts down. */
  readonly closed: Promise<void>;
}
/** A server-streaming RPC: writes while it runs; the stream ends when the returned promise settles. */
export type StreamHandler<Req, Res> = (request: Req, ctx: CallContext, out: ResponseStream<Res>) => Promise<void>;
/** A service implementation: one async function per RPC, transport-free apart from this signature. */
export type Handlers<Def extends ServiceDefinition> = {
  [K in keyof Def]: Def[K] extends { responseStream: true }
    ? StreamHandler<
        Def[K] extends { requestDeserialize(b: Buffer): infer Req } ? Req : never,
        Def[K] extends { responseSerialize(r: infer Res): Buffer } ? Res : never
      >
    : UnaryHandler<
        Def[K] extends { requestDeserialize(b: Buffer): infer Req } ? Req : never,
        Def[K] extends { responseSerialize(r: infer Res): Buffer } ? Res : never
      >;
};

const { HealthCheckResponse_ServingStatus: Serving } = grpcHealthV1;

/**
 * gRPC server bootstrap: registers grpc.health.v1 and wraps every unary handler with the platform's
 * interceptors: deadline check, caller authentication, metrics, and the error → status table.
 */
export function createGrpcServer(opts: { logger: Logger; metrics: Metrics; authenticate: Authenticate }) {
  const server = new Server({ 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  let serving = false;
  const health: grpcHealthV1.HealthServer = {
    check: (_call, cb) => cb(null, { status: serving ? Serving.SERVING : Serving.NOT_SERVING }),
    watch: (call) => {
      call.write({ status: serving ? Serving.SERVING : Serving.NOT_SERVING });
      call.end();
    },
  };
  server.addService(grpcHealthV1.HealthService, health as unknown as UntypedServiceImplementation);

  /** The error → status table, applied alike to unary and streaming calls. */
  function toStatus(err: unknown, logger: Logger): { code: status; details: string; metadata: Metadata } {
    const trailer = new Metadata();
    if (isAppError(err)) {
      trailer.set(metadataKeys.errorCode, err.code);
      if (err.violations.length > 0)
        trailer.set(metadataKeys.errorViolations, Buffer.from(JSON.stringify(err.violations)));
      return { code: grpcStatusByCategory[err.category], details: err.message, metadata: trailer };
    }
    // unknown errors are logged once here and reach the caller without internals
    logger.error({ err }, 'unhandled error in RPC');
    trailer.set(metadataKeys.errorCode, 'INTERNAL');
    return { code: status.INTERNAL, details: 'internal error', metadata: trailer };
  }

  function wrapStream<Req, Res>(method: string, handler: StreamHandler<Req, Res>) {
    return (call: ServerWritableStream<Req, Res>) => {
      const requestId = requestIdOf(call.metadata);
      const logger = opts.logger.child({ method, requestId });
      const closed = new Promise<void>((resolve) => {
        call.on('cancelled', () => resolve());
        call.on('close', () => resolve());
        call.on('error', () => resolve());
      });
      opts
        .authenticate(call.metadata)
        .then((actor) =>
          handler(call.request, { actor, requestId, logger }, { write: (m) => void call.write(m), closed }),
        )
        .then(
          () => {
            opts.metrics.grpcHandled.inc({ method, code: status[status.OK] });
            call.end();
          },
          (err: unknown) => {
            const s = toStatus(err, logger);
            opts.metrics.grpcHandled.inc({ method, code: status[s.code] });
            // grpc-js turns an 'error' event on a server stream into the call's final status
            call.emit('error', s);
          },
        );
    };
  }

  function wrap<Req, Res>(method: string, handler: UnaryHandler<Req, Res>) {
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
      const started = process.hrtime.bigint();
      const requestId = requestIdOf(call.metadata);
      const logger = opts.logger.child({ method, requestId });
      const finish = (code: status) => {
        opts.metrics.grpcHandled.inc({ method, code: status[code] });
        opts.metrics.grpcDuration.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
      };
      const deadline = call.getDeadline();
      const deadlineDate =
        deadline instanceof Date ? deadline : Number.isFinite(deadline) ? new Date(deadline) : undefined;
      if (deadlineDate && deadlineDate.getTime() <= Date.now()) {
        finish(status.DEADLINE_EXCEEDED);
        callback({ code: status.DEADLINE_EXCEEDED, details: 'deadline passed before the call started' });
        return;
      }
      opts
        .authenticate(call.metadata)
        .then((actor) => handler(call.request, { actor, requestId, deadline: deadlineDate, logger }))
        .then(
          (res) => {
            finish(status.OK);
            callback(null, res);
          },
          (err: unknown) => {
            const s = toStatus(err, logger);
            finish(s.code);
            callback(s);
          },
        );
    };
  }

  return {
    server,
    add<Def extends ServiceDefinition>(definition: Def, handlers: Handlers<Def>): void {
      const impl: UntypedServiceImplementation = {};
      for (const [name, def] of Object.entries(definition)) {
        const h = handlers[name as keyof Def] as unknown;
        if (!h) throw new Error(`no handler for ${def.path}`);
        impl[name] = def.responseStream
          ? wrapStream(def.path, h as StreamHandler<unknown, unknown>)
          : wrap(def.path, h as UnaryHandler<unknown, unknown>);
      }
      server.addService(definition, impl);
    },
    async start(port: number, host = '0.0.0.0'): Promise<number> {
      const bound = await new Promise<number>((resolve, reject) =>
        server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
      );
      serving = true;
      return bound;
    },
    /** Health turns NOT_SERVING first so load balancers drain, then in-flight calls finish. */
    async shutdown(graceMs = 5000): Promise<void> {
      serving = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
export type GrpcServer = ReturnType<typeof createGrpcServer>;
