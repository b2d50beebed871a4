import type { Actor } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import { defaultCalendar, publishedYears } from '@gov/platform/calendar';
import { coveredDay, sh } from '../domain/duty.fixtures';
import { defaultShiftPolicy as office, type Roster } from '../domain/roster';
import type { RosterDraft, RosterEvent } from '../domain/roster-review';
import { createDraftHolidayRoster } from './holiday-roster';
import { createRosterReview } from './roster-review';
import type { HolidayCalendar, RosterAuditNote, RosterDraftStore, StoredRosterDraft } from './roster-review-ports';

/** In-memory fakes of our own ports: drafts with versions, the published sink, the cache and idempotency. */
function world(now = sh('2026-09-01 09:00')) {
  const docs = new Map<string, StoredRosterDraft & { events: RosterEvent[]; audit: RosterAuditNote[] }>();
  const drafts: RosterDraftStore = {
    async create(value, events, note) {
      if (docs.has(value.id)) return false;
      docs.set(value.id, { value: structuredClone(value), version: 1, events: [...events], audit: [note] });
      return true;
    },
    async get(id) {
      const d = docs.get(id);
      return d && { value: structuredClone(d.value), version: d.version };
    },
    async update(prev, value, events, note) {
      const d = docs.get(value.id)!;
      if (d.version !== prev.version) throw new AppError('CONCURRENT_MODIFICATION', 'conflict', 'moved on');
      docs.set(value.id, {
        value: structuredClone(value),
        version: d.version + 1,
        events: [...d.events, ...events],
        audit: [...d.audit, note],
      });
    },
    async publishedEndingAfter(after) {
      return [...docs.values()]
        .filter((d) => d.value.status === 'PUBLISHED' && d.value.periodEnd > after)
        .map((d) => d.value);
    },
    async publishedEndedBy(at) {
      return [...docs.values()]
        .filter((d) => d.value.status === 'PUBLISHED' && d.value.periodEnd <= at)
        .map((d) => d.value);
    },
    async settledOverlapping(start, end) {
      return [...docs.values()]
        .filter((d) => ['APPROVED', 'PUBLISHED', 'LOCKED'].includes(d.value.status))
        .filter((d) => d.value.periodStart < end && d.value.periodEnd > start)
        .map((d) => d.value);
    },
  };
  const published = new Map<string, Roster>();
  const cached: string[] = [];
  const results = new Map<string, unknown>();
  const clock = { t: now, now: () => clock.t };
  const calendar: HolidayCalendar = {
    workingDaysBetween: (a, b) => defaultCalendar.workingDaysBetween(a, b),
    holidays: (y) => publishedYears.find((x) => x.year === y)?.holidays ?? [],
  };
  const deps = {
    drafts,
    published: {
      async publishIfAbsent(r: Roster) {
        if (!published.has(r.id)) published.set(r.id, r);
      },
      async lock() {
        return [];
      },
    },
    cache: { put: (r: Roster) => cached.push(r.id) },
    clock,
    idempotency: {
      async run<T>(scope: string, key: string, _req: unknown, fn: () => Promise<T>): Promise<T> {
        const k = `${scope}/${key}`;
        if (!results.has(k)) results.set(k, await fn());
        return results.get(k) as T;
      },
    },
    calendar,
    policy: { office, holidayLeadWorkingDays: 3 },
  };
  return { review: createRosterReview(deps), holiday: createDraftHolidayRoster(deps), docs, published, cached, clock };
}

const actor = (userId: string, role: string): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'duty-room',
  roles: [role],
  clearance: 'INTERNAL',
});
const admin = actor('sec', 'ROSTER_ADMIN');
const director = actor('dir', 'OFFICE_DIRECTOR');
const officer = actor('o1', 'DUTY_OFFICER');

const regular = {
  kind: 'REGULAR' as const,
  periodStart: sh('2026-09-14 08:30'),
  periodEnd: sh('2026-09-16 08:30'),
  shifts: [
    ...coveredDay('2026-09-14', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
    ...coveredDay('2026-09-15', { day: 'o3', night: 'o1', leader: 'l2', gov: 'g1' }),
  ],
  contacts: [],
  restOverrides: [],
};

async function throughReview(w: ReturnType<typeof world>, d: RosterDraft, key = 'k') {
  await w.review.submit({ idempotencyKey: `${key}-s`, id: d.id }, admin);
  await w.review.approve({ idempotencyKey: `${key}-a`, id: d.id, note: '' }, director);
  return w.review.publish({ idempotencyKey: `${key}-p`, id: d.id }, director);
}

describe('createRosterReview', () => {
  it('keeps a draft out of the on-duty cache until it is PUBLISHED, then writes it once (spec duty §4.3, §9.5 AK-5)', async () => {
    const w = world();
    const d = await w.review.create({ idempotencyKey: 'c1', ...regular }, admin);
    await w.review.submit({ idempotencyKey: 's1', id: d.id }, admin);
    await w.review.approve({ idempotencyKey: 'a1', id: d.id, note: '同意' }, director);
    expect(w.published.size).toBe(0);
    expect(w.cached).toEqual([]);
    const p = await w.review.publish({ idempotencyKey: 'p1', id: d.id }, director);
    expect(p).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1 });
    expect(w.published.get(d.id)).toMatchObject({ id: d.id, version: 1, shifts: regular.shifts });
    expect(w.cached).toEqual([d.id]);
    expect(w.docs.get(d.id)!.events).toEqual([expect.objectContaining({ type: 'roster.published', version: 1 })]);
    expect(w.docs.get(d.id)!.audit.map((a) => [a.action, a.actor.userId])).toEqual([
      ['roster.drafted', 'sec'],
      ['roster.submitted', 'sec'],
      ['roster.approved', 'dir'],
      ['roster.published', 'dir'],
    ]);
  });

  it('replays a retried command instead of applying it twice (idempotency key)', async () => {
    const w = world();
    const a = await w.review.create({ idempotencyKey: 'c1', ...regular }, admin);
    const b = await w.review.create({ idempotencyKey: 'c1', ...regular }, admin);
    expect(b.id).toBe(a.id);
    expect(w.docs.size).toBe(1);
    await throughReview(w, a);
    const again = await w.review.publish({ idempotencyKey: 'k-p', id: a.id }, director);
    expect(again.status).toBe('PUBLISHED');
    expect(w.docs.get(a.id)!.events).toHaveLength(1);
  });

  it('refuses to draft for anyone but the roster administrators (spec duty §3.2)', async () => {
    await expect(world().review.create({ idempotencyKey: 'c1', ...regular }, officer)).rejects.toMatchObject({
      code: 'ROSTER_REVIEW_NOT_PERMITTED',
    });
    await expect(world().review.get('nope', admin)).rejects.toMatchObject({ code: 'ROSTER_DRAFT_NOT_FOUND' });
  });

  it('refuses to publish a holiday roster 2 working days before National Day 2026 (spec duty §4.2 RS-5)', async () => {
    const w = world(sh('2026-09-28 09:00'));
    const pools = { officers: ['a', 'b', 'c', 'd'], leaders: ['l1', 'l2'], govLeaders: ['g1'] };
    const member = (personId: string) => ({ personId, name: personId, phone: '13800000000' });
    const d = await w.holiday(
      {
        idempotencyKey: 'h1',
        holidayName: '国庆节',
        year: 2026,
        officers: pools.officers.map(member),
        leaders: pools.leaders.map(member),
        govLeaders: pools.govLeaders.map(member),
        contacts: [],
      },
      admin,
    );
    expect(d).toMatchObject({ kind: 'HOLIDAY', status: 'DRAFT', holidayName: 'National Day' });
    await expect(throughReview(w, d)).rejects.toMatchObject({ code: 'ROSTER_PUBLISH_TOO_LATE' });
    expect(w.published.size).toBe(0);
    w.clock.t = sh('2026-09-24 09:00');
    await expect(w.review.publish({ idempotencyKey: 'k-p2', id: d.id }, director)).resolves.toMatchObject({
      status: 'PUBLISHED',
    });
  });

  it('answers HOLIDAY_NOT_FOUND for a holiday the calendar does not have', async () => {
    const w = world();
    await expect(
      w.holiday(
        {
          idempotencyKey: 'h',
          holidayName: 'Christmas',
          year: 2026,
          officers: [],
          leaders: [],
          govLeaders: [],
          contacts: [],
        },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'HOLIDAY_NOT_FOUND' });
  });

  it('records a one-step publication as a PUBLISHED roster with its event, once per content (spec duty §4.3)', async () => {
    const w = world();
    const roster: Roster = { id: 'ros-1', version: 1, ...regular };
    await w.review.recordDirect(roster, director);
    await w.review.recordDirect(roster, director);
    expect(w.docs.get('ros-1')!.value).toMatchObject({ status: 'PUBLISHED', kind: 'REGULAR', publishedVersion: 1 });
    expect(w.docs.get('ros-1')!.events).toHaveLength(1);
    await w.review.recordDirect({ ...roster, shifts: [...regular.shifts].reverse() }, director);
    expect(w.docs.get('ros-1')!.events.map((e) => e.version)).toEqual([1, 2]);
  });
});
