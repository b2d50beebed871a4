import type { Connection } from 'mongoose';
import type { DeliveryKey, DeliveryLedger } from '../../app/ports';
import { createGroupCommit } from './group-commit';

export const deliveryId = (k: DeliveryKey) => `${k.incidentId}|${k.step}|${k.recipientId}|${k.attempt}`;

/** The per-recipient delivery ledger: one unordered insert per batch; a duplicate key marks an earlier claim. */
export function createDeliveryLedger(alert: Connection): DeliveryLedger {
  const insert = createGroupCommit(alert, 'deliveries');
  return {
    claim: (keys, meta) =>
      insert(
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
