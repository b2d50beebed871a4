import type { ChannelKind, Chain, EscalationTimer, Step } from './incident';
import type { Contact, StandingRole } from './roster';
import type { EscalationPolicy } from './escalation-policy';

/** Who the chains reach right now, resolved from the in-memory roster and directory (spec duty §9.5 AK-5). */
export interface DutyDirectory {
  officeLeaderOnDuty?: string;
  govLeaderOnDuty?: string;
  /** Duty officers of the current day or night shift (the deadline guard alerts them, AK-4). */
  officersOnDuty?: string[];
  byRole: Partial<Record<StandingRole, string>>;
  contact(personId: string): Contact | undefined;
}

type Slot = 'OFFICE_LEADER_ON_DUTY' | 'GOV_LEADER_ON_DUTY' | StandingRole;

/**
 * Chains of command (spec duty §9.4): office — leader on duty → director; government — leader on duty →
 * principal. Acting director and executive deputy come in only as substitutes (AK-3).
 */
const chains: Record<Chain, Slot[]> = {
  OFFICE: ['OFFICE_LEADER_ON_DUTY', 'OFFICE_DIRECTOR'],
  GOV: ['GOV_LEADER_ON_DUTY', 'GOV_PRINCIPAL'],
};
const standingSubstitute: Partial<Record<StandingRole, StandingRole>> = {
  OFFICE_DIRECTOR: 'OFFICE_ACTING_DIRECTOR',
  GOV_PRINCIPAL: 'GOV_EXEC_DEPUTY',
};

const firstChannels: ChannelKind[] = ['SMS', 'PUSH'];

/** The person for a slot, skipping to the substitute when the holder is marked away (AK-3, 001 L9, 003 L568). */
export function resolveSlot(slot: Slot, dir: DutyDirectory): { personId: string; substituteFor?: string } | undefined {
  const holder =
    slot === 'OFFICE_LEADER_ON_DUTY'
      ? dir.officeLeaderOnDuty
      : slot === 'GOV_LEADER_ON_DUTY'
        ? dir.govLeaderOnDuty
        : dir.byRole[slot];
  if (!holder) return undefined;
  const contact = dir.contact(holder);
  if (!contact?.away) return { personId: holder };
  const sub =
    contact.substituteId ??
    (slot in standingSubstitute ? dir.byRole[standingSubstitute[slot as StandingRole]!] : undefined);
  return sub ? { personId: sub, substituteFor: holder } : undefined;
}

/** S2 (the office leader on duty) has the short budget; everyone reached later or in parallel the longer one. */
const ackBudget = (major: boolean, step: Step, p: EscalationPolicy) =>
  (major ? (step === 'S2' ? p.majorS2AckSec : p.majorS3AckSec) : step === 'S2' ? p.otherS2AckSec : p.otherS3AckSec) *
  1000;

function notifyAndWait(
  chain: Chain,
  level: number,
  step: Step,
  person: { personId: string; substituteFor?: string },
  now: Date,
  major: boolean,
  p: EscalationPolicy,
): Record<string, EscalationTimer> {
  const { personId, substituteFor } = person;
  return {
    [`n-${step}-${personId}-1`]: {
      kind: 'NOTIFY',
      recipientId: personId,
      step,
      attempt: 1,
      channels: firstChannels,
      dueAt: now,
      ...(substituteFor ? { substituteFor } : {}),
    },
    // AK-2: the SMS must be confirmed delivered within the fallback time, or a voice call follows
    ...(p.voiceFallbackSec
      ? {
          [`r-${step}-${personId}-1`]: {
            kind: 'RECEIPT_CHECK' as const,
            recipientId: personId,
            step,
            attempt: 1,
            dueAt: new Date(now.getTime() + p.voiceFallbackSec * 1000),
          },
        }
      : {}),
    [`a-${step}-${personId}`]: {
      kind: 'ACK_TIMEOUT',
      recipientId: personId,
      chain,
      level,
      attempt: 1,
      dueAt: new Date(now.getTime() + ackBudget(major, step, p)),
    },
  };
}

/** Who an I/II intake alerts in parallel: S2 first, then the S3 people (the first entry alone for others). */
const majorPlan: [Chain, number, Step][] = [
  ['OFFICE', 0, 'S2'],
  ['OFFICE', 1, 'S3'],
  ['GOV', 0, 'S3'],
];

/**
 * Timers armed at intake (spec duty §9.4 S2/S3): the office leader on duty at once; for I/II also the
 * office director and the government leader on duty, in parallel (003 L394, L412; scenario 12).
 */

export function initialTimers(major: boolean, dir: DutyDirectory, now: Date, p: EscalationPolicy) {
  const timers: Record<string, EscalationTimer> = {};
  const plan = major ? majorPlan : majorPlan.slice(0, 1);
  for (const [chain, level, step] of plan) {
    const person = resolveSlot(chains[chain][level]!, dir);
    if (person) Object.assign(timers, notifyAndWait(chain, level, step, person, now, major, p));
  }
  return timers;
}

/**
 * Whom an I/II intake reaches at S3 (the office director and the government leader on duty, substitutes for
 * anyone away). An upgrade to I/II (RC-1) owes these people the alert the lower class never sent them.
 */
export function s3Recipients(dir: DutyDirectory): { personId: string; substituteFor?: string }[] {
  const out: { personId: string; substituteFor?: string }[] = [];
  for (const [chain, level, step] of majorPlan) {
    if (step !== 'S3') continue;
    const person = resolveSlot(chains[chain][level]!, dir);
    if (person && !out.some((x) => x.personId === person.personId)) out.push(person);
  }
  return out;
}

/**
 * An RC-1 upgrade opens an escalation round of its own: the S3 people it alerts must acknowledge it even when the
 * incident was acknowledged before (AK-1), so the round's timers and acknowledgement are kept under this id. One
 * per incident: concurrent upgrades (or a later one after a downgrade) meet in it, and the people it reached are
 * not owed a second alert.
 */
export const upgradeRoundId = (incidentId: string): string => `${incidentId}|RC1`;
export const incidentOfRound = (roundId: string): string => roundId.split('|')[0]!;

/**
 * The timers of an upgrade round for the S3 people it owes (RC-1 with §9.4 S3): each is alerted at once as an
 * I/II intake would alert them — same keys, so the same ledger entries — with the AK-2 receipt check and the
 * S3 acknowledgement budget, whose timeout repeats the call and reaches the next person in that chain.
 */
export function upgradeTimers(
  people: { personId: string; substituteFor?: string }[],
  dir: DutyDirectory,
  now: Date,
  p: EscalationPolicy,
): Record<string, EscalationTimer> {
  const timers: Record<string, EscalationTimer> = {};
  for (const [chain, level, step] of majorPlan) {
    if (step !== 'S3') continue;
    const slot = resolveSlot(chains[chain][level]!, dir);
    const person = slot && people.find((x) => x.personId === slot.personId);
    if (person && !timers[`n-S3-${person.personId}-1`])
      Object.assign(timers, notifyAndWait(chain, level, step, person, now, true, p));
  }
  return timers;
}

/**
 * An acknowledgement budget ran out (spec duty §9.5 AK-2): call the silent recipient again by voice (up to
 * `repeats` times) and notify the next person in the same chain at once (scenario 13). Returns the new timers.
 */
export function onAckTimeout(
  timer: Extract<EscalationTimer, { kind: 'ACK_TIMEOUT' }>,
  major: boolean,
  dir: DutyDirectory,
  now: Date,
  p: EscalationPolicy,
): { timers: Record<string, EscalationTimer>; escalatedTo?: string } {
  const timers: Record<string, EscalationTimer> = {};
  if (timer.attempt <= p.repeats) {
    const attempt = timer.attempt + 1;
    timers[`n-REPEAT-${timer.recipientId}-${attempt}`] = {
      kind: 'NOTIFY',
      recipientId: timer.recipientId,
      step: 'REPEAT',
      attempt,
      channels: ['VOICE'],
      // due when the budget ran out, so lateness is measured from the deadline, not from when we got to it
      dueAt: timer.dueAt,
    };
  }
  const nextSlot = chains[timer.chain][timer.level + 1];
  const next = nextSlot ? resolveSlot(nextSlot, dir) : undefined;
  if (next && next.personId !== timer.recipientId) {
    const escalation = notifyAndWait(timer.chain, timer.level + 1, 'ESCALATION', next, now, major, p);
    for (const t of Object.values(escalation)) if (t.kind === 'NOTIFY') t.dueAt = timer.dueAt;
    Object.assign(timers, escalation);
    return { timers, escalatedTo: next.personId };
  }
  return { timers };
}
