import type { Express } from 'express';
import type { Server } from 'node:http';

export interface HttpServer {
  port: number;
  listening(): boolean;
  /** Stops accepting connections; resolves when in-flight requests finish or, after graceMs, cuts them. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(app: Express, port: number, host = '0.0.0.0'): Promise<HttpServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  // a little above the usual 60 s load-balancer idle timeout, so the balancer closes idle sockets first
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    listening: () => server.listening,
    close: (graceMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close((err) => {
          clearTimeout(cut);
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
