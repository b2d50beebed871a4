import type { dutyV1 } from '@gov/contracts';
import type { DutyPort } from '../clients';
import type { RouteContext } from '../http/route';
import { dutyRoutes } from './duty';

const ctx: RouteContext = {
  actor: { userId: 'keeper', name: 'keeper', orgUnitId: 'x', roles: ['LOG_CUSTODIAN'], clearance: 'INTERNAL' },
  call: { authorization: 'Bearer t', requestId: 'r1' },
  idempotencyKey: 'rep-1',
};

const line = (seq: number, action: string, at: string, o: Partial<dutyV1.ChronologyEntry> = {}) => ({
  seq: String(seq),
  action,
  at,
  actorId: 'o1',
  role: 'DUTY_OFFICER',
  ...o,
});

describe('dutyRoutes', () => {
  it('sends a chronology repair with the Idempotency-Key and shows rebuilt lines with their mark (spec duty §6 LG-3, LG-4)', async () => {
    const seen: unknown[] = [];
    const rebuilt = line(3, 'incident.acknowledged', '2024-10-03T06:05:00.000Z', {
      actorId: 'keeper',
      role: 'LOG_CUSTODIAN',
      reconstructed: {
        by: 'keeper',
        at: '2024-10-04T01:00:00.000Z',
        source: 'acknowledgements/inc-1',
        fills: 'the acknowledgement by l1 is not on record',
      },
    });
    const port = {
      repairChronology: async (req: dutyV1.RepairChronologyRequest) => {
        seen.push(req);
        return {
          incident: {
            id: 'inc-1',
            obligations: [],
            notifications: [],
            verificationTasks: [],
            reports: [],
            violations: [],
            drafts: [],
          },
          appended: [rebuilt],
          unrepaired: [
            { gap: 'the escalation to dir is not on record', reason: 'the delivery ledger holds no time for it' },
          ],
          chronology: [line(1, 'incident.received', '2024-10-03T06:03:00.000Z'), rebuilt],
        };
      },
    } as unknown as DutyPort;
    const route = dutyRoutes(port).find((r) => r.path === '/v1/duty/incidents/:id/chronology-repairs')!;
    const res = await route.handle({ params: { id: 'inc-1' }, query: {}, body: undefined }, ctx);
    expect(seen).toEqual([{ idempotencyKey: 'rep-1', incidentId: 'inc-1' }]);
    const body = res.body as {
      incident: { id: string };
      appended: { seq: number; reconstructed: unknown }[];
      unrepaired: unknown[];
      chronology: { action: string; reconstructed: unknown }[];
    };
    expect(res.status).toBe(200);
    expect(body.incident.id).toBe('inc-1');
    expect(body.appended).toEqual([
      expect.objectContaining({ seq: 3, reconstructed: expect.objectContaining({ source: 'acknowledgements/inc-1' }) }),
    ]);
    expect(body.unrepaired).toEqual([
      { gap: 'the escalation to dir is not on record', reason: 'the delivery ledger holds no time for it' },
    ]);
    expect(body.chronology.map((e) => [e.action, e.reconstructed === null])).toEqual([
      ['incident.received', true],
      ['incident.acknowledged', false],
    ]);
  });
});
