import type { dutyShiftsV1 } from '@gov/contracts';
import type { DutyShiftsPort } from '../clients/duty-shifts.grpc';
import type { RouteContext } from '../http/route';
import { dutyShiftsRoutes } from './duty-shifts';
import { dutyShiftsPaths, openHandoverBody, presentItemsBody, violationBody } from './duty-shifts.schema';

const ctx = (idempotencyKey = 'k1'): RouteContext => ({
  actor: { userId: 'li', name: 'li', orgUnitId: 'x', roles: ['DUTY_OFFICER'], clearance: 'INTERNAL' },
  call: { authorization: 'Bearer t', requestId: 'r1' },
  idempotencyKey,
});
const handover = (o: Partial<dutyShiftsV1.Handover> = {}): dutyShiftsV1.Handover => ({
  id: 'ho-1',
  fromShiftId: 'night-1',
  toShiftId: 'day-2',
  outgoingOfficerId: 'zhang',
  incomingOfficerId: 'li',
  shiftStart: '2024-10-03T00:30:00.000Z',
  status: 'SCHEDULED',
  checkInAt: '',
  onTime: false,
  lateAlertedAt: '',
  atRiskAt: '',
  pendingItems: [],
  logSeqsToConfirm: [],
  confirmedLogSeqs: [],
  notes: '',
  outgoingSignedAt: '',
  incomingSignedAt: '',
  shiftEndedAt: '',
  ...o,
});

describe('dutyShiftsRoutes', () => {
  it('documents every shift route in dutyShiftsPaths and nothing else, each mutation with an Idempotency-Key', () => {
    const mounted = dutyShiftsRoutes({} as DutyShiftsPort)
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(dutyShiftsPaths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(mounted);
    for (const ops of Object.values(dutyShiftsPaths))
      for (const [method, op] of Object.entries(ops))
        if (method !== 'get')
          expect((op as { parameters: unknown[] }).parameters).toContainEqual({
            $ref: '#/components/parameters/IdempotencyKey',
          });
  });

  it('sends a check-in with the Idempotency-Key and maps an unset check-in to null (spec duty §5 HO-1)', async () => {
    const seen: unknown[] = [];
    const port = {
      checkInHandover: async (req: dutyShiftsV1.CheckInHandoverRequest) => {
        seen.push(req);
        return { handover: handover() };
      },
    } as unknown as DutyShiftsPort;
    const route = dutyShiftsRoutes(port).find((r) => r.path === '/v1/duty/handovers/:id/check-in')!;
    const res = await route.handle({ params: { id: 'ho-1' }, query: {}, body: undefined }, ctx('k9'));
    expect(seen).toEqual([{ idempotencyKey: 'k9', id: 'ho-1' }]);
    expect(res).toMatchObject({ status: 200, body: { checkInAt: null, onTime: null, status: 'SCHEDULED' } });
  });

  it('ends a shift through the handover that closes it', async () => {
    const seen: unknown[] = [];
    const port = {
      endShift: async (req: dutyShiftsV1.EndShiftRequest) => {
        seen.push(req);
        return { handover: handover({ status: 'COMPLETED' }) };
      },
    } as unknown as DutyShiftsPort;
    const route = dutyShiftsRoutes(port).find((r) => r.path === '/v1/duty/handovers/:id/end-shift')!;
    await route.handle({ params: { id: 'ho-1' }, query: {}, body: undefined }, ctx('k2'));
    expect(seen).toEqual([{ idempotencyKey: 'k2', handoverId: 'ho-1' }]);
  });
});

describe('duty shift schemas', () => {
  it('refuses unknown fields, kinds and violation types, and fills the defaults (spec duty §5, §11.1)', () => {
    expect(
      openHandoverBody.safeParse({
        fromShiftId: 'a',
        toShiftId: 'b',
        outgoingOfficerId: 'x',
        incomingOfficerId: 'y',
        shiftStart: 'tomorrow',
      }).success,
    ).toBe(false);
    expect(presentItemsBody.parse({})).toEqual({ items: [], resolvedRefIds: [], notes: '' });
    expect(presentItemsBody.safeParse({ items: [{ kind: 'GOSSIP', refId: 'x' }] }).success).toBe(false);
    expect(violationBody.safeParse({ personId: 'p', type: 'SLEEPING' }).success).toBe(false);
    expect(violationBody.parse({ personId: 'p', type: 'LATE_REPORT' })).toMatchObject({
      causedByLeavingPost: false,
      incidentId: '',
    });
  });
});
