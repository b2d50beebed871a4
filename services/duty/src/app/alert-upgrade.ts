import { alertText } from '../domain/alert-message';
import type { Clock } from '../domain/clock';
import { s3Recipients, type DutyDirectory } from '../domain/escalation-ladder';
import { isMajor, type ChannelKind, type Incident } from '../domain/incident';
import type { AlertStore, DeliveryLedger, Notifier } from './ports';

const channels: ChannelKind[] = ['SMS', 'PUSH'];

/**
 * RC-1 upgrade alerts: an incident lifted into I/II owes the S3 people (director, government leader on duty,
 * or their substitutes) the alert its intake did not send. Each one is claimed under the very ledger key an
 * I/II intake uses (step S3, attempt 1), and only the caller whose claim created the entry sends — so a retried
 * command, a second replica, or someone already alerted at intake is never alerted twice. The person who
 * acknowledged the incident is not alerted again. Claim, then send: a crash between the two loses that alert
 * rather than sending it twice (unlike the engine's timers, nothing here is left pending to re-fire).
 */
export function createAlertUpgrade(d: {
  store: Pick<AlertStore, 'acknowledgement' | 'recordEscalation'>;
  ledger: DeliveryLedger;
  notifier: Notifier;
  directory: (at: Date) => DutyDirectory;
  clock: Clock;
  /** This replica's id, recorded on the ledger entry. */
  owner: string;
}) {
  /** Returns whom this call alerted (empty when nothing was owed or someone else sent it). */
  return async function alertUpgrade(incident: Incident): Promise<string[]> {
    if (!incident.upgradedToMajorAt || !isMajor(incident.severity, incident.possiblyMajor)) return [];
    const now = d.clock.now();
    const dir = d.directory(now);
    const ack = await d.store.acknowledgement(incident.id);
    const people = s3Recipients(dir).filter((p) => p.personId !== ack?.personId);
    if (!people.length) return [];
    const created = await d.ledger.claim(
      people.map((p) => ({ incidentId: incident.id, step: 'S3', recipientId: p.personId, attempt: 1 })),
      { owner: d.owner, at: now, channels: people.map(() => channels), sent: false },
    );
    const mine = people.filter((_, i) => created[i]);
    if (!mine.length) return [];
    const text = alertText(incident);
    await Promise.all(
      mine.flatMap((p) =>
        channels.map((channel) =>
          d.notifier.send({
            messageId: `${incident.id}|S3|${p.personId}|1|${channel}`,
            incidentId: incident.id,
            channel,
            to: dir.contact(p.personId) ?? { personId: p.personId, name: p.personId, phone: '', away: false },
            text,
            dueAt: now,
          }),
        ),
      ),
    );
    await d.store.recordEscalation(
      incident.id,
      mine.map((p) => ({
        recipientId: p.personId,
        step: 'S3',
        reason: 'RECLASSIFIED' as const,
        ...(p.substituteFor ? { substituteFor: p.substituteFor } : {}),
      })),
      `reclassified:${incident.upgradedToMajorAt.toISOString()}:${mine.map((p) => p.personId).join(',')}`,
      d.clock.now(),
    );
    return mine.map((p) => p.personId);
  };
}
export type AlertUpgrade = ReturnType<typeof createAlertUpgrade>;
