// The local SMS/voice provider as a process, for `scripts/up.sh` (the duty service's SMS_GATEWAY_URL in dev):
// node bench/duty/sms-simulator-main.ts [port] [receipts-url token]. Prints one JSON line per message it accepts.
// With a receipts URL and a token (role SMS_GATEWAY) it reports every SMS delivered, once a second in a batch,
// as a provider's delivery-report callback does; the duty service then makes no voice fallback call (AK-2).
import { startSmsSimulator } from './sms-simulator.ts';

const port = Number(process.argv[2] ?? 8925);
const [receiptsUrl, token] = process.argv.slice(3);
const sim = await startSmsSimulator(port);
process.stdout.write(`sms simulator listening on ${sim.url}${receiptsUrl ? `, receipts to ${receiptsUrl}` : ''}\n`);
let shown = 0;
let pending: { messageId: string; status: 'DELIVERED'; at: string }[] = [];
setInterval(() => {
  for (; shown < sim.messages.length; shown++) {
    const m = sim.messages[shown]!;
    process.stdout.write(
      `${JSON.stringify({ channel: m.channel, to: m.recipientId, incident: m.incidentId, text: m.text })}\n`,
    );
    if (m.channel === 'sms')
      pending.push({ messageId: m.messageId, status: 'DELIVERED', at: new Date(m.receivedAt).toISOString() });
  }
}, 200);
if (receiptsUrl && token)
  setInterval(() => {
    if (!pending.length) return;
    const receipts = pending.splice(0, 1000);
    void fetch(receiptsUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `dlr-${receipts[0]!.messageId}`,
      },
      body: JSON.stringify({ receipts }),
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`receipts answered ${res.status}: ${await res.text()}`);
      })
      .catch((err: unknown) => {
        // kept for the next round: the gateway may not be up yet
        pending = [...receipts, ...pending];
        process.stdout.write(`receipts not delivered yet: ${(err as Error).message}\n`);
      });
  }, 1000);
const stop = () => void sim.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
