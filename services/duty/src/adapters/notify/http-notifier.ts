import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { untracedAgent } from '@gov/platform';
import type { AlertMessage, Notifier } from '../../app/ports';

/**
 * SMS and voice through a provider-agnostic HTTP gateway: POST {base}/sms or {base}/voice with JSON
 * {messageId, to, text}. `messageId` is the delivery-ledger key, sent as the provider's client message id
 * so a resend after a crash is dropped by the provider. The text is built by `alertText`, which keeps
 * classified details out. Push goes to the in-process console hub (SSE), never to an outside service.
 *
 * Sent with node:http on kept-alive connections rather than fetch: on the alert path fetch's web streams cost
 * several times the CPU of the request itself, and that CPU is what the first alert waits for on a busy host.
 */
export function createHttpNotifier(opts: {
  smsBaseUrl: string;
  timeoutMs: number;
  push: (msg: AlertMessage) => void;
  /** Connections held open to the provider at most. */
  maxSockets?: number;
}): Notifier {
  const base = new URL(opts.smsBaseUrl.replace(/\/+$/, '') + '/');
  const tls = base.protocol === 'https:';
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets ?? 64, scheduling: 'lifo' as const };
  // the provider is outside the platform: no trace headers to it, and no span (NOTIFY latency is a metric here)
  const agent = untracedAgent(tls ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions));
  const request = tls ? httpsRequest : httpRequest;

  function post(path: string, messageId: string, body: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const req = request(
        new URL(path, base),
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': messageId,
          },
        },
        (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          // the body is drained so the connection goes back to the pool
          res.resume();
          res.on('end', () =>
            status >= 200 && status < 300 ? resolve() : reject(new Error(`${path} gateway answered ${status}`)),
          );
          res.on('error', reject);
        },
      );
      // one bound on the whole exchange (it covers a silent socket too), as fetch's AbortSignal was
      const deadline = setTimeout(
        () => req.destroy(new Error(`${path} gateway did not answer within ${opts.timeoutMs} ms`)),
        opts.timeoutMs,
      );
      req.on('error', reject);
      req.on('close', () => clearTimeout(deadline));
      req.end(body);
    });
  }

  return {
    async send(msg) {
      if (msg.channel === 'PUSH') return opts.push(msg);
      const path = msg.channel === 'SMS' ? 'sms' : 'voice';
      await post(
        path,
        msg.messageId,
        JSON.stringify({
          messageId: msg.messageId,
          to: msg.to.phone,
          recipientId: msg.to.personId,
          text: msg.text,
          incidentId: msg.incidentId,
          dueAt: msg.dueAt.toISOString(),
        }),
      );
    },
  };
}
