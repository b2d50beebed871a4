import { defaultEscalationPolicy as p } from './escalation-policy';
import {
  incidentOfRound,
  initialTimers,
  onAckTimeout,
  s3Recipients,
  upgradeRoundId,
  upgradeTimers,
} from './escalation-ladder';
import { contact, directory, sh } from './duty.fixtures';
import type { EscalationTimer } from './incident';

const now = sh('2024-10-03 14:03');
const notified = (t: Record<string, EscalationTimer>) =>
  Object.values(t)
    .filter((x) => x.kind === 'NOTIFY')
    .map((x) => `${x.step}:${x.recipientId}`)
    .sort();

describe('initialTimers', () => {
  it('notifies the office leader, the director and the government leader in parallel for I/II (spec duty §19 scenario 12, §9.4 S3)', () => {
    const t = initialTimers(true, directory(), now, p);
    expect(notified(t)).toEqual(['S2:l1', 'S3:dir', 'S3:g1']);
    for (const x of Object.values(t)) if (x.kind === 'NOTIFY') expect(x.dueAt).toEqual(now);
  });

  it('notifies only the office leader on duty for other information (spec duty §9.4 S2)', () => {
    expect(notified(initialTimers(false, directory(), now, p))).toEqual(['S2:l1']);
  });

  it('gives the office leader 2 minutes and the others 5 to acknowledge an I/II event (spec duty §9.4 budgets)', () => {
    const t = initialTimers(true, directory(), now, p);
    expect(t['a-S2-l1']?.dueAt).toEqual(sh('2024-10-03 14:05'));
    expect(t['a-S3-g1']?.dueAt).toEqual(sh('2024-10-03 14:08'));
  });

  it('skips an away director straight to the acting director (spec duty §9.5 AK-3, 003 L568)', () => {
    const dir = directory({
      contacts: [contact('l1'), contact('dir', { away: true }), contact('act'), contact('g1')],
    });
    const t = initialTimers(true, dir, now, p);
    expect(notified(t)).toEqual(['S2:l1', 'S3:act', 'S3:g1']);
    expect(Object.values(t).find((x) => x.kind === 'NOTIFY' && x.recipientId === 'act')).toMatchObject({
      substituteFor: 'dir',
    });
  });
});

describe('s3Recipients', () => {
  it('names the people an I/II intake alerts at S3, substitutes for anyone away (spec duty §9.4 S3, §9.10 RC-1)', () => {
    expect(s3Recipients(directory()).map((p) => p.personId)).toEqual(['dir', 'g1']);
    const dir = directory({ contacts: [contact('l1'), contact('dir', { away: true }), contact('act'), contact('g1')] });
    expect(s3Recipients(dir)).toEqual([{ personId: 'act', substituteFor: 'dir' }, { personId: 'g1' }]);
  });
});

describe('onAckTimeout', () => {
  it('calls the silent office leader again by voice and notifies the director (spec duty §19 scenario 13, AK-2)', () => {
    const t = initialTimers(true, directory(), now, p);
    const timeout = t['a-S2-l1'];
    if (timeout?.kind !== 'ACK_TIMEOUT') throw new Error('no ack timer');
    const later = sh('2024-10-03 14:05');
    const next = onAckTimeout(timeout, true, directory(), later, p);
    expect(notified(next.timers)).toEqual(['ESCALATION:dir', 'REPEAT:l1']);
    expect(next.timers['n-REPEAT-l1-2']).toMatchObject({ channels: ['VOICE'], dueAt: later });
    expect(next.escalatedTo).toBe('dir');
  });

  it('reaches the executive deputy when the head is away (spec duty §19 scenario 14, 001 L9)', () => {
    const dir = directory({
      contacts: [contact('g1'), contact('head', { away: true }), contact('exec')],
    });
    const next = onAckTimeout(
      { kind: 'ACK_TIMEOUT', recipientId: 'g1', chain: 'GOV', level: 0, attempt: 1, dueAt: now },
      true,
      dir,
      now,
      p,
    );
    expect(next.escalatedTo).toBe('exec');
    expect(next.timers['n-ESCALATION-exec-1']).toMatchObject({ substituteFor: 'head' });
  });

  it('repeats once only and stops at the end of the chain (spec duty §9.5 AK-2 "repeated once")', () => {
    const next = onAckTimeout(
      { kind: 'ACK_TIMEOUT', recipientId: 'dir', chain: 'OFFICE', level: 1, attempt: 2, dueAt: now },
      true,
      directory(),
      now,
      p,
    );
    expect(next.timers).toEqual({});
  });

  it('an SMS without a delivery receipt within the fallback time gets a receipt check, none when the fallback is off (spec duty §9.5 AK-2, NF-7)', () => {
    const now = sh('2024-10-03 14:03');
    const on = initialTimers(true, directory(), now, { ...p, voiceFallbackSec: 30 });
    const checks = Object.entries(on).filter(([, t]) => t.kind === 'RECEIPT_CHECK');
    expect(checks.map(([k]) => k).sort()).toEqual(['r-S2-l1-1', 'r-S3-dir-1', 'r-S3-g1-1']);
    for (const [, t] of checks) expect(t.dueAt).toEqual(new Date(now.getTime() + 30_000));
    const off = initialTimers(true, directory(), now, { ...p, voiceFallbackSec: 0 });
    expect(Object.values(off).some((t) => t.kind === 'RECEIPT_CHECK')).toBe(false);
  });
});

describe(upgradeTimers.name, () => {
  it('alerts the owed S3 people at once with the S3 budget, as an I/II intake would (spec duty §9.10 RC-1, §9.4 S3, §9.5 AK-1)', () => {
    const t = upgradeTimers(s3Recipients(directory()), directory(), now, p);
    expect(notified(t)).toEqual(['S3:dir', 'S3:g1']);
    expect(t['a-S3-g1']).toMatchObject({ kind: 'ACK_TIMEOUT', chain: 'GOV', level: 0 });
    expect(t['a-S3-dir']).toMatchObject({ kind: 'ACK_TIMEOUT', chain: 'OFFICE', level: 1 });
    expect(t['a-S3-g1']!.dueAt).toEqual(new Date(now.getTime() + p.majorS3AckSec * 1000));
    // the same keys an I/II intake uses for them, so the ledger entries are the same
    const intake = initialTimers(true, directory(), now, p);
    for (const k of Object.keys(t)) expect(intake[k]).toEqual(t[k]);
  });

  it('arms nobody the upgrade does not owe an alert (spec duty §9.10 RC-1)', () => {
    expect(notified(upgradeTimers([{ personId: 'g1' }], directory(), now, p))).toEqual(['S3:g1']);
    expect(upgradeTimers([], directory(), now, p)).toEqual({});
  });

  it('keeps the upgrade round under an id of its own that leads back to its incident', () => {
    const id = upgradeRoundId('inc-1');
    expect(id).not.toBe('inc-1');
    expect(incidentOfRound(id)).toBe('inc-1');
  });
});
