import type { dutyRostersV1 } from '@gov/contracts';
import type { DutyRostersPort } from '../clients/duty-rosters.grpc';
import type { RouteContext } from '../http/route';
import { dutyRostersRoutes } from './duty-rosters';
import { createDraftBody, dutyRostersPaths, holidayDraftBody, rejectBody } from './duty-rosters.schema';

const ctx = (idempotencyKey = 'k1'): RouteContext => ({
  actor: { userId: 'dir', name: 'dir', orgUnitId: 'x', roles: ['OFFICE_DIRECTOR'], clearance: 'INTERNAL' },
  call: { authorization: 'Bearer t', requestId: 'r1' },
  idempotencyKey,
});
const draft = (o: Partial<dutyRostersV1.RosterDraft> = {}): dutyRostersV1.RosterDraft => ({
  id: 'rdr-1',
  kind: 'HOLIDAY',
  status: 'DRAFT',
  periodStart: '2026-10-01T00:30:00.000Z',
  periodEnd: '2026-10-08T00:30:00.000Z',
  shifts: [],
  contacts: [],
  restOverrides: [],
  fairnessExemption: '',
  holidayName: 'National Day',
  preparedBy: 'sec',
  submittedAt: '',
  approvedBy: '',
  approvedAt: '',
  rejectedBy: '',
  rejectionReason: '',
  publishedBy: '',
  publishedAt: '',
  publishedVersion: 0,
  lockedAt: '',
  ...o,
});
const find = (port: Partial<DutyRostersPort>, method: string, path: string) =>
  dutyRostersRoutes(port as DutyRostersPort).find((r) => r.method === method && r.path === path)!;

describe('dutyRostersRoutes', () => {
  it('documents every roster-review route in dutyRostersPaths and nothing else, each mutation with an Idempotency-Key', () => {
    const mounted = dutyRostersRoutes({} as DutyRostersPort)
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(dutyRostersPaths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(mounted);
    for (const ops of Object.values(dutyRostersPaths))
      for (const [method, op] of Object.entries(ops))
        if (method !== 'get')
          expect((op as { parameters: unknown[] }).parameters).toContainEqual({
            $ref: '#/components/parameters/IdempotencyKey',
          });
  });

  it('publishes through the publication step with the Idempotency-Key, unset fields as null (spec duty §4.3)', async () => {
    const seen: unknown[] = [];
    const route = find(
      {
        publishRosterDraft: async (req) => {
          seen.push(req);
          return { draft: draft({ status: 'PUBLISHED', publishedVersion: 1, publishedBy: 'dir' }) };
        },
      },
      'post',
      '/v1/duty/rosters/drafts/:id/publication',
    );
    const res = await route.handle({ params: { id: 'rdr-1' }, query: {}, body: undefined }, ctx('k9'));
    expect(seen).toEqual([{ idempotencyKey: 'k9', id: 'rdr-1' }]);
    expect(res).toMatchObject({
      status: 200,
      body: { status: 'PUBLISHED', publishedVersion: 1, submittedAt: null, rejectionReason: null },
    });
  });

  it('drafts a holiday roster and answers 201 with its location (spec duty §4.2)', async () => {
    const seen: dutyRostersV1.DraftHolidayRosterRequest[] = [];
    const route = find(
      {
        draftHolidayRoster: async (req) => {
          seen.push(req);
          return { draft: draft() };
        },
      },
      'post',
      '/v1/duty/rosters/drafts/holiday',
    );
    const member = (personId: string) => ({ personId });
    const res = await route.handle(
      {
        params: {},
        query: {},
        body: { holidayName: '国庆节', year: 2026, officers: ['a', 'b'].map(member), leaders: [member('l1')] },
      },
      ctx(),
    );
    expect(res).toMatchObject({ status: 201, location: '/v1/duty/rosters/drafts/rdr-1' });
    expect(seen[0]).toMatchObject({ idempotencyKey: 'k1', year: 2026, govLeaders: [], contacts: [] });
    expect(seen[0]!.officers).toEqual([
      { personId: 'a', name: '', phone: '' },
      { personId: 'b', name: '', phone: '' },
    ]);
  });
});

describe('roster-review schemas', () => {
  it('refuses unknown kinds, shift types and blank rejection reasons (spec duty §4.1, §4.3)', () => {
    const period = { periodStart: '2026-09-14T00:30:00Z', periodEnd: '2026-09-15T00:30:00Z' };
    expect(createDraftBody.safeParse({ kind: 'SPECIAL', ...period }).success).toBe(false);
    expect(
      createDraftBody.safeParse({
        kind: 'REGULAR',
        ...period,
        shifts: [{ type: 'NAP', startsAt: period.periodStart, endsAt: period.periodEnd, personId: 'a' }],
      }).success,
    ).toBe(false);
    expect(createDraftBody.parse({ kind: 'REGULAR', ...period })).toMatchObject({ shifts: [], fairnessExemption: '' });
    expect(rejectBody.safeParse({ reason: '  ' }).success).toBe(false);
    expect(
      holidayDraftBody.safeParse({ holidayName: '国庆节', year: 2026, officers: [{ personId: 'a' }], leaders: [] })
        .success,
    ).toBe(false);
  });
});
