// The SMS provider of the duty benchmark in a process of its own: node bench/duty/sms-simulator-process.ts.
// Prints its URL as one line and then nothing; GET /messages answers what it accepted. Kept apart from the
// process that generates the load, so the instant a message is stamped on arrival does not wait for that
// process's own work (a real provider is another system too).
import { startSmsSimulator } from './sms-simulator.ts';

const sim = await startSmsSimulator(0);
process.stdout.write(`${sim.url}\n`);
process.once('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
