import type { Actor } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { ShiftEvent } from '../domain/shift-events';
import type { Violation } from '../domain/violation';
import type { Idempotency } from './ports';
import type { StoredShift, ViolationStore } from './shift-ports';
import { createViolations } from './violation-commands';

const at = (iso: string) => new Date(`${iso}+08:00`);

/** An in-memory ViolationStore with the version check and the unique circular places the real one has. */
function memoryStore() {
  const docs = new Map<string, StoredShift<Violation>>();
  const places = new Map<string, string>();
  const published: ShiftEvent[] = [];
  const store: ViolationStore = {
    async create(value, events) {
      if (docs.has(value.id)) return false;
      docs.set(value.id, { value, version: 1 });
      published.push(...events);
      return true;
    },
    async get(id) {
      return docs.get(id);
    },
    async update(prev, value, events) {
      if (docs.get(value.id)?.version !== prev.version)
        throw new AppError('CONCURRENT_MODIFICATION', 'conflict', 'changed by someone else');
      docs.set(value.id, { value, version: prev.version + 1 });
      published.push(...events);
    },
    async claimCircular(personId, year, ordinal, violationId) {
      const k = `${personId}:${year}:${ordinal}`;
      if (!places.has(k)) places.set(k, violationId);
      return places.get(k)!;
    },
  };
  return { store, published };
}

/** Replays the first result of a key, like the kit's idempotency store. */
function memoryIdempotency(): Idempotency {
  const seen = new Map<string, unknown>();
  return {
    async run(scope, key, _req, fn) {
      const k = `${scope}:${key}`;
      if (!seen.has(k)) seen.set(k, await fn());
      return seen.get(k) as never;
    },
  };
}

const who = (role: string): Actor => ({
  userId: role,
  name: role,
  orgUnitId: 'x',
  roles: [role],
  clearance: 'INTERNAL',
});
const manager = who('DUTY_ROOM_MANAGER');
const director = who('OFFICE_DIRECTOR');

function setup() {
  let now = at('2024-12-01T09:00:00');
  const { store, published } = memoryStore();
  const u = createViolations({ violations: store, clock: { now: () => now }, idempotency: memoryIdempotency() });
  const record = (key: string, occurredAt: string, o: Partial<Parameters<typeof u.record>[0]> = {}) =>
    u.record(
      {
        idempotencyKey: key,
        personId: 'p1',
        type: 'LATE_REPORT',
        incidentId: '',
        evidence: '',
        circularLevel: 'CITY',
        causedByLeavingPost: true,
        occurredAt: at(occurredAt).toISOString(),
        ...o,
      },
      manager,
    );
  return { u, record, published, setNow: (d: Date) => (now = d) };
}

describe('createViolations', () => {
  it('counts circulars per person per calendar year: first → 50 %, second → full month and failing rating, a new year starts again (spec duty §11.2 PN-2, PN-3, PN-5, §19 scenario 25)', async () => {
    const { u, record, published } = setup();
    const v1 = await record('k1', '2023-11-01T10:00:00');
    const v2 = await record('k2', '2024-03-01T10:00:00');
    const v3 = await record('k3', '2024-06-01T10:00:00');
    const other = await record('k4', '2024-06-01T10:00:00', { personId: 'p2' });
    const c = (id: string, key: string) => u.confirm({ idempotencyKey: key, id, note: '' }, director);
    expect((await c(v1.id, 'c1')).consequence).toBe('WITHHOLD_50_PCT_MONTH');
    expect((await c(v2.id, 'c2')).consequence).toBe('WITHHOLD_50_PCT_MONTH');
    expect(await c(v3.id, 'c3')).toMatchObject({
      circularCountYear: 2,
      consequence: 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY',
    });
    expect((await c(other.id, 'c4')).consequence).toBe('WITHHOLD_50_PCT_MONTH');
    expect(published.filter((e) => e.type === 'violation.confirmed')).toHaveLength(4);
  });

  it('replays a retried confirmation without counting the circular twice (idempotency)', async () => {
    const { u, record, published } = setup();
    const v = await record('k1', '2024-03-01T10:00:00');
    const first = await u.confirm({ idempotencyKey: 'c1', id: v.id, note: '' }, director);
    const again = await u.confirm({ idempotencyKey: 'c1', id: v.id, note: '' }, director);
    expect(again).toEqual(first);
    expect(published).toHaveLength(1);
  });

  it('lets only the office director decide (spec duty §3.2 Confirm duty violation)', async () => {
    const { u, record } = setup();
    const v = await record('k1', '2024-03-01T10:00:00');
    await expect(u.confirm({ idempotencyKey: 'c1', id: v.id, note: '' }, manager)).rejects.toMatchObject({
      code: 'SHIFT_NOT_PERMITTED',
    });
    await expect(
      u.record(
        {
          idempotencyKey: 'x',
          personId: 'p',
          type: 'LATE_REPORT',
          incidentId: '',
          evidence: '',
          circularLevel: '',
          causedByLeavingPost: false,
          occurredAt: '',
        },
        who('DUTY_OFFICER'),
      ),
    ).rejects.toMatchObject({ code: 'SHIFT_NOT_PERMITTED' });
  });
});
