import type { AlertMessage } from '../../app/ports';

/** In-process fan-out of alerts to duty-console subscribers (the SSE stream reads from here). */
export function createConsoleHub() {
  const subs = new Set<(m: AlertMessage) => void>();
  return {
    publish(m: AlertMessage): void {
      for (const s of subs) s(m);
    },
    subscribe(fn: (m: AlertMessage) => void): () => void {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
