import type { Clock } from '../domain/clock';
import { s3Recipients, upgradeRoundId, upgradeTimers, type DutyDirectory } from '../domain/escalation-ladder';
import type { EscalationPolicy } from '../domain/escalation-policy';
import { isMajor, type Incident } from '../domain/incident';
import type { AlertStore } from './ports';

/**
 * RC-1 upgrade alerts: an incident lifted into I/II owes the S3 people (director, government leader on duty, or
 * their substitutes) the alert its intake did not send, and, like any S2/S3 alert, their acknowledgement (AK-1).
 *
 * The owed alerts become an escalation round of durable timers — notify at once, the AK-2 receipt check, the S3
 * acknowledgement budget whose timeout repeats the call and reaches the next in the chain — written under the
 * incident's owner before anything is sent. The escalation engine then sends them as it sends any timer: claim,
 * send, mark done; a crash anywhere leaves the timers pending, and the owner's restart (or the replica that
 * adopts it) sends them again under the same message ids. The owner's engine takes the round here when this
 * replica serves the owner, otherwise from the hand-over note at its next lease renewal.
 *
 * People an I/II intake (or this round, on a retry) already alerted at S3 and the person who acknowledged the
 * incident are left out.
 */
export function createAlertUpgrade(d: {
  store: Pick<AlertStore, 'acknowledgement' | 'notifications' | 'armRound' | 'recordEscalation'>;
  /** The engine of this replica: takes the round now when it serves the incident's owner. */
  engine: { adoptRound(roundId: string): Promise<boolean> };
  directory: (at: Date) => DutyDirectory;
  clock: Clock;
  policy: EscalationPolicy;
}) {
  /** Returns whom this call armed alerts for (empty when nothing was owed, or a retry or another replica did). */
  return async function alertUpgrade(incident: Incident): Promise<string[]> {
    if (!incident.upgradedToMajorAt || !isMajor(incident.severity, incident.possiblyMajor)) return [];
    const now = d.clock.now();
    const dir = d.directory(now);
    const ack = await d.store.acknowledgement(incident.id);
    if (ack?.voided) return [];
    const reached = new Set(
      (await d.store.notifications(incident.id)).filter((n) => n.step === 'S3').map((n) => n.recipientId),
    );
    const people = s3Recipients(dir).filter((p) => p.personId !== ack?.personId && !reached.has(p.personId));
    if (!people.length) return [];
    const roundId = upgradeRoundId(incident.id);
    const armed = await d.store.armRound(incident.id, roundId, upgradeTimers(people, dir, now, d.policy), now);
    if (!armed) return [];
    await d.engine.adoptRound(roundId);
    if (!armed.created) return [];
    await d.store.recordEscalation(
      incident.id,
      people.map((p) => ({
        recipientId: p.personId,
        step: 'S3',
        reason: 'RECLASSIFIED' as const,
        ...(p.substituteFor ? { substituteFor: p.substituteFor } : {}),
      })),
      roundId,
      d.clock.now(),
    );
    return people.map((p) => p.personId);
  };
}
export type AlertUpgrade = ReturnType<typeof createAlertUpgrade>;
