import type { dutyDeskV1 } from '@gov/contracts';
import type { DutyDeskPort } from '../clients/duty-desk.grpc';
import type { RouteContext } from '../http/route';
import { dutyDeskRoutes } from './duty-desk';
import { callToJson } from './duty-desk.mapper';
import { dutyDeskPaths, logDocumentBody, receiveCallBody, shiftPlanQuery, transferBody } from './duty-desk.schema';

const routes = dutyDeskRoutes({} as DutyDeskPort);
const ctx = (idempotencyKey = 'k1'): RouteContext => ({
  actor: { userId: 'o1', name: 'o1', orgUnitId: 'x', roles: ['DUTY_OFFICER'], clearance: 'INTERNAL' },
  call: { authorization: 'Bearer t', requestId: 'r1' },
  idempotencyKey,
});
const call = (o: Partial<dutyDeskV1.PublicCall> = {}): dutyDeskV1.PublicCall => ({
  id: 'call-1',
  line: 'DIRECT_LINE',
  channel: 'PHONE',
  callerName: '',
  callerPhone: '',
  category: 'ABOUT_COURT',
  content: '对判决不服',
  receivedAt: '2024-11-18T02:00:00.000Z',
  status: 'RECEIVED',
  outcome: '',
  inScope: false,
  redirectTo: 'the court (法院)',
  allowedActions: ['REDIRECT'],
  answer: '',
  slip: undefined,
  transferredUnitId: '',
  closedAt: '',
  important: false,
  multiDepartment: false,
  supervisionItemId: '',
  supervisionOutcome: '',
  feedbackReceivedAt: '',
  ...o,
});

describe('dutyDeskRoutes', () => {
  it('documents every desk route in dutyDeskPaths and nothing else, each mutation with an Idempotency-Key', () => {
    const mounted = routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort();
    const documented = Object.entries(dutyDeskPaths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(mounted);
    for (const ops of Object.values(dutyDeskPaths))
      for (const [method, op] of Object.entries(ops))
        if (method !== 'get')
          expect((op as { parameters: unknown[] }).parameters).toContainEqual({
            $ref: '#/components/parameters/IdempotencyKey',
          });
  });

  it('sends a call step to the service with the Idempotency-Key and maps unset strings to null', async () => {
    const seen: unknown[] = [];
    const port = {
      redirectCall: async (req: dutyDeskV1.RedirectCallRequest) => {
        seen.push(req);
        return { call: call({ status: 'CLOSED', outcome: 'REDIRECTED_OTHER_ORGAN', allowedActions: [] }) };
      },
    } as unknown as DutyDeskPort;
    const route = dutyDeskRoutes(port).find((r) => r.path === '/v1/duty/desk/calls/:id/redirect')!;
    const res = await route.handle(
      { params: { id: 'call-1' }, query: {}, body: { note: '劝其向法院反映' } },
      ctx('k9'),
    );
    expect(seen).toEqual([{ note: '劝其向法院反映', idempotencyKey: 'k9', id: 'call-1' }]);
    expect(res).toMatchObject({ status: 200, body: { outcome: 'REDIRECTED_OTHER_ORGAN', answer: null, slip: null } });
  });
});

describe('duty desk schemas', () => {
  it('refuses unknown fields and categories, and fills the defaults (spec duty §8.2)', () => {
    expect(logDocumentBody.safeParse({ kind: 'FAX', sender: 's', title: 't', extra: 1 }).success).toBe(false);
    expect(logDocumentBody.parse({ kind: 'FAX', sender: 's', title: 't' })).toMatchObject({
      addressedTo: 'GOVERNMENT',
      urgency: 'NORMAL',
    });
    expect(receiveCallBody.safeParse({ line: 'DIRECT_LINE', category: 'GOSSIP', content: 'x' }).success).toBe(false);
    expect(shiftPlanQuery.parse({ from: '2024-10-02' })).toEqual({ from: '2024-10-02', days: 1 });
  });

  it('takes the importance of a transfer and the 密级 and sender id of a document, with safe defaults (spec duty §8.4, DK-4)', () => {
    expect(transferBody.parse({ unitId: 'water-bureau' })).toEqual({
      unitId: 'water-bureau',
      important: false,
      multiDepartment: false,
    });
    expect(transferBody.parse({ unitId: 'u', multiDepartment: true }).multiDepartment).toBe(true);
    expect(
      logDocumentBody.parse({ kind: 'FAX', sender: 's', title: 't', secrecyLevel: 'SECRET', senderOrgId: 'zhou-gov' }),
    ).toMatchObject({ secrecyLevel: 'SECRET', senderOrgId: 'zhou-gov' });
    expect(logDocumentBody.safeParse({ kind: 'FAX', sender: 's', title: 't', secrecyLevel: 'HUSH' }).success).toBe(
      false,
    );
  });

  it("shows supervision's verdict on a call that got its feedback (spec duty §8.4)", () => {
    expect(
      callToJson(
        call({
          status: 'FEEDBACK_RECEIVED',
          supervisionItemId: 'duty-call-call-1',
          supervisionOutcome: '',
          feedbackReceivedAt: '2024-11-20T02:00:00.000Z',
        }),
      ),
    ).toMatchObject({
      supervisionItemId: 'duty-call-call-1',
      supervisionOutcome: null,
      feedbackReceivedAt: '2024-11-20T02:00:00.000Z',
    });
  });

  it('maps a call for JSON clients with its allowed actions', () => {
    expect(callToJson(call())).toMatchObject({
      allowedActions: ['REDIRECT'],
      outcome: null,
      redirectTo: 'the court (法院)',
    });
  });
});
