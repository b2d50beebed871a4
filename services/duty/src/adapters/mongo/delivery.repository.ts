import type { Connection } from 'mongoose';
import type { DeliveryKey, DeliveryLedger } from '../../app/ports';
import { createGroupCommit } from './group-commit';

export const deliveryId = (k: DeliveryKey) => `${k.incidentId}|${k.step}|${k.recipientId}|${k.attempt}`;

/**
 * The per-recipient delivery ledger: one unordered insert per batch; a duplicate key marks an earlier claim.
 * A claim before sending (`sent: false`) leaves at once — the alert waits for it. The record of alerts already
 * sent (`sent: true`) may wait `sentLingerMs` to share an insert with others: nothing waits on it, and a crash
 * inside that window only means the alerts go out again under the same message ids, which the provider drops.
 */
export function createDeliveryLedger(alert: Connection, opts: { sentLingerMs?: number } = {}): DeliveryLedger {
  const claimNow = createGroupCommit(alert, 'deliveries');
  const recordSent = createGroupCommit(alert, 'deliveries', { lingerMs: opts.sentLingerMs ?? 0 });
  return {
    claim: (keys, meta) =>
      (meta.sent ? recordSent : claimNow)(
        keys.map((k, i) => ({
          _id: deliveryId(k),
          ...k,
          channels: meta.channels[i] ?? [],
          owner: meta.owner,
          claimedAt: meta.at,
          sent: meta.sent,
        })),
      ),
  };
}
