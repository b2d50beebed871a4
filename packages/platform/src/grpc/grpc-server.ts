import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
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
/** A service implementation: one async function per RPC, transport-free apart from this signature. */
export type Handlers<Def extends ServiceDefinition> = {
  [K in keyof Def]: UnaryHandler<
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
            const trailer = new Metadata();
            if (isAppError(err)) {
              const code = grpcStatusByCategory[err.category];
              trailer.set(metadataKeys.errorCode, err.code);
              if (err.violations.length > 0)
                trailer.set(metadataKeys.errorViolations, Buffer.from(JSON.stringify(err.violations)));
              finish(code);
              callback({ code, details: err.message, metadata: trailer });
            } else {
              // unknown errors are logged once here and reach the caller without internals
              logger.error({ err }, 'unhandled error in RPC');
              trailer.set(metadataKeys.errorCode, 'INTERNAL');
              finish(status.INTERNAL);
              callback({ code: status.INTERNAL, details: 'internal error', metadata: trailer });
            }
          },
        );
    };
  }

  return {
    server,
    add<Def extends ServiceDefinition>(definition: Def, handlers: Handlers<Def>): void {
      const impl: UntypedServiceImplementation = {};
      for (const [name, def] of Object.entries(definition)) {
        const h = handlers[name as keyof Def] as UnaryHandler<unknown, unknown> | undefined;
        if (!h) throw new Error(`no handler for ${def.path}`);
        impl[name] = wrap(def.path, h);
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
