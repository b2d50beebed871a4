import type { AlertMessage, Notifier } from '../../app/ports';

/**
 * SMS and voice through a provider-agnostic HTTP gateway: POST {base}/sms or {base}/voice with JSON
 * {messageId, to, text}. `messageId` is the delivery-ledger key, sent as the provider's client message id
 * so a resend after a crash is dropped by the provider. The text is built by `alertText`, which keeps
 * classified details out. Push goes to the in-process console hub (SSE), never to an outside service.
 */
export function createHttpNotifier(opts: {
  smsBaseUrl: string;
  timeoutMs: number;
  push: (msg: AlertMessage) => void;
}): Notifier {
  return {
    async send(msg) {
      if (msg.channel === 'PUSH') return opts.push(msg);
      const path = msg.channel === 'SMS' ? 'sms' : 'voice';
      const res = await fetch(`${opts.smsBaseUrl}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': msg.messageId },
        body: JSON.stringify({
          messageId: msg.messageId,
          to: msg.to.phone,
          recipientId: msg.to.personId,
          text: msg.text,
          incidentId: msg.incidentId,
          dueAt: msg.dueAt.toISOString(),
        }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!res.ok) throw new Error(`${path} gateway answered ${res.status}`);
      await res.arrayBuffer();
    },
  };
}
