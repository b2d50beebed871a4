// The local SMS/voice provider as a process, for `scripts/up.sh` (the duty service's SMS_GATEWAY_URL in dev):
// node bench/duty/sms-simulator-main.ts [port]. Prints one JSON line per message it accepts.
import { startSmsSimulator } from './sms-simulator.ts';

const port = Number(process.argv[2] ?? 8925);
const sim = await startSmsSimulator(port);
process.stdout.write(`sms simulator listening on ${sim.url}\n`);
let shown = 0;
setInterval(() => {
  for (; shown < sim.messages.length; shown++) {
    const m = sim.messages[shown]!;
    process.stdout.write(
      `${JSON.stringify({ channel: m.channel, to: m.recipientId, incident: m.incidentId, text: m.text })}\n`,
    );
  }
}, 200);
const stop = () => void sim.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
