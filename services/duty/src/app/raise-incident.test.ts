import { defaultEscalationPolicy } from '../domain/escalation-policy';
import { defaultReportingPolicy } from '../domain/reporting-policy';
import { directory, sh } from '../domain/duty.fixtures';
import type { Incident } from '../domain/incident';
import type { AlertStore } from './ports';
import { createRaiseIncident } from './raise-incident';

/** An in-memory AlertStore: enough of the port for intake. */
function memoryStore() {
  const incidents = new Map<string, Incident>();
  const store = {
    insertIncident: async (i: Incident) => (incidents.has(i.id) ? false : (incidents.set(i.id, i), true)),
    getIncident: async (id: string) => incidents.get(id),
  } as unknown as AlertStore;
  return { store, incidents };
}

const officer = {
  userId: 'o1',
  name: '值班员',
  orgUnitId: 'duty',
  roles: ['DUTY_OFFICER'],
  clearance: 'SECRET' as const,
};
const input = {
  title: '燃气爆炸',
  category: 'ACCIDENT' as const,
  severity: 'II' as const,
  occurredAt: sh('2024-10-03 14:00'),
  sourceChannel: 'PHONE',
  sourceUnitId: 'town-1',
  location: '',
  description: '',
  classified: false,
};

function setup(now = sh('2024-10-03 14:03')) {
  const { store, incidents } = memoryStore();
  const tracked: Incident[] = [];
  const raise = createRaiseIncident({
    store,
    track: (i) => tracked.push(i),
    directory: () => directory(),
    clock: { now: () => now },
    reporting: defaultReportingPolicy,
    escalation: defaultEscalationPolicy,
    owner: 'r1',
  });
  return { raise, tracked, incidents };
}

describe(createRaiseIncident.name, () => {
  it('hands a new incident to the engine once and returns the stored one to a retry (idempotency_key)', async () => {
    const { raise, tracked } = setup();
    const a = await raise({ idempotencyKey: 'k1', input }, officer);
    const b = await raise({ idempotencyKey: 'k1', input }, officer);
    expect(b.id).toBe(a.id);
    expect(tracked).toHaveLength(1);
    expect(a.obligations[0]?.dueAt).toEqual(sh('2024-10-03 14:10'));
  });

  it('uses receipt time, marked estimated, when the occurrence time is unknown (spec duty §9.2 CK-2)', async () => {
    const { raise } = setup();
    const { occurredAt: _o, ...rest } = input;
    const i = await raise({ idempotencyKey: 'k2', input: rest }, officer);
    expect(i).toMatchObject({ occurredAt: sh('2024-10-03 14:03'), occurredAtEstimated: true });
  });

  it('treats an UNKNOWN severity as possibly major by default (spec duty §15.4)', async () => {
    const { raise } = setup();
    const i = await raise({ idempotencyKey: 'k3', input: { ...input, severity: 'UNKNOWN' } }, officer);
    expect(i.possiblyMajor).toBe(true);
    expect(i.recipients.sort()).toEqual(['dir', 'g1', 'l1']);
  });

  it('flags BREACHED_ON_RECEIPT and counts the delay against the source (spec duty §19 scenario 18)', async () => {
    const { raise } = setup(sh('2024-10-03 08:45'));
    const i = await raise({ idempotencyKey: 'k4', input: { ...input, occurredAt: sh('2024-10-03 08:00') } }, officer);
    expect(i.flags).toEqual(['BREACHED_ON_RECEIPT']);
    expect(i.sourceDelayMinutes).toBe(45);
  });

  it('lists every bad field at once and refuses callers outside the duty desk', async () => {
    const { raise } = setup();
    await expect(
      raise({ idempotencyKey: 'k5', input: { ...input, title: '', occurredAt: sh('2024-10-03 16:00') } }, officer),
    ).rejects.toMatchObject({
      code: 'INCIDENT_INVALID',
      violations: [expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'occurredAt' })],
    });
    await expect(raise({ idempotencyKey: 'k6', input }, { ...officer, roles: ['CLERK'] })).rejects.toMatchObject({
      code: 'INTAKE_NOT_PERMITTED',
    });
    await expect(raise({ idempotencyKey: ' ', input }, officer)).rejects.toMatchObject({ code: 'INCIDENT_INVALID' });
  });
});
