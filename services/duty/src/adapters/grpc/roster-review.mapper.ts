import type { dutyRostersV1 as r } from '@gov/contracts';
import type { FieldViolation } from '@gov/platform/errors';
import type { PoolMember } from '../../app/holiday-roster';
import type { Contact, Shift, ShiftType, StandingRole } from '../../domain/roster';
import { rosterKinds, type RestOverride, type RosterDraft, type RosterKind } from '../../domain/roster-review';
import { RosterReviewError } from '../../domain/roster-review-error';

const shiftTypes: readonly ShiftType[] = ['OFFICE_DAY', 'OFFICE_NIGHT', 'OFFICE_LEADER_24H', 'GOV_LEADER_24H'];
const standingRoles: readonly StandingRole[] = [
  'OFFICE_DIRECTOR',
  'OFFICE_ACTING_DIRECTOR',
  'OFFICE_DEPUTY',
  'GOV_PRINCIPAL',
  'GOV_EXEC_DEPUTY',
];

/** Instants as RFC 3339, empty when unset (proto3 strings have no null). */
const iso = (d: Date | undefined): string => (d ? new Date(d).toISOString() : '');

/** Collects every field problem of a request, then refuses it once with all of them. */
function collector() {
  const v: FieldViolation[] = [];
  return {
    v,
    instant(value: string, field: string): Date {
      const d = new Date(value);
      if (!value.trim() || Number.isNaN(d.getTime())) v.push({ field, message: 'expected RFC 3339' });
      return d;
    },
    oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
      if (!(allowed as readonly string[]).includes(value))
        v.push({ field, message: `must be one of ${allowed.join(', ')}` });
      return value as T;
    },
    text(value: string, field: string): string {
      if (!value.trim()) v.push({ field, message: 'is required' });
      return value.trim();
    },
    done(): void {
      if (v.length)
        throw new RosterReviewError('ROSTER_INPUT_INVALID', `invalid roster: ${v.map((x) => x.field).join(', ')}`, v);
    },
  };
}
type Collector = ReturnType<typeof collector>;

function content(
  c: Collector,
  req: {
    shifts: r.RosterShift[];
    contacts: r.RosterContact[];
    restOverrides: r.RestOverride[];
    fairnessExemption: string;
  },
) {
  const shifts: Shift[] = req.shifts.map((s, i) => ({
    type: c.oneOf(s.type, shiftTypes, `shifts[${i}].type`),
    startsAt: c.instant(s.startsAt, `shifts[${i}].startsAt`),
    endsAt: c.instant(s.endsAt, `shifts[${i}].endsAt`),
    personId: c.text(s.personId, `shifts[${i}].personId`),
  }));
  const contacts = fromProtoContacts(c, req.contacts);
  const restOverrides: RestOverride[] = req.restOverrides.map((o, i) => ({
    personId: c.text(o.personId, `restOverrides[${i}].personId`),
    startsAt: c.instant(o.startsAt, `restOverrides[${i}].startsAt`),
    reason: c.text(o.reason, `restOverrides[${i}].reason`),
  }));
  const fairnessExemption = req.fairnessExemption.trim() || undefined;
  return { shifts, contacts, restOverrides, ...(fairnessExemption ? { fairnessExemption } : {}) };
}

function fromProtoContacts(c: Collector, list: r.RosterContact[]): Contact[] {
  return list.map((x, i) => ({
    personId: c.text(x.personId, `contacts[${i}].personId`),
    name: x.name,
    phone: x.phone,
    away: x.away,
    ...(x.standingRole ? { standingRole: c.oneOf(x.standingRole, standingRoles, `contacts[${i}].standingRole`) } : {}),
    ...(x.substituteId ? { substituteId: x.substituteId } : {}),
  }));
}

export function toCreateDraft(req: r.CreateRosterDraftRequest) {
  const c = collector();
  const cmd = {
    idempotencyKey: req.idempotencyKey,
    kind: c.oneOf<RosterKind>(req.kind, rosterKinds, 'kind'),
    periodStart: c.instant(req.periodStart, 'periodStart'),
    periodEnd: c.instant(req.periodEnd, 'periodEnd'),
    ...content(c, req),
    ...(req.holidayName.trim() ? { holidayName: req.holidayName.trim() } : {}),
  };
  c.done();
  return cmd;
}

export function toReviseDraft(req: r.ReviseRosterDraftRequest) {
  const c = collector();
  const cmd = { idempotencyKey: req.idempotencyKey, id: req.id, ...content(c, req) };
  c.done();
  return cmd;
}

export function toDraftHoliday(req: r.DraftHolidayRosterRequest) {
  const c = collector();
  const pool = (list: r.PoolMember[], field: string): PoolMember[] =>
    list.map((p, i) => ({ personId: c.text(p.personId, `${field}[${i}].personId`), name: p.name, phone: p.phone }));
  const cmd = {
    idempotencyKey: req.idempotencyKey,
    holidayName: req.holidayName,
    year: req.year,
    officers: pool(req.officers, 'officers'),
    leaders: pool(req.leaders, 'leaders'),
    govLeaders: pool(req.govLeaders, 'govLeaders'),
    contacts: fromProtoContacts(c, req.contacts),
  };
  if (!Number.isInteger(req.year) || req.year < 2000 || req.year > 2100)
    c.v.push({ field: 'year', message: 'must be a year' });
  c.done();
  return cmd;
}

export const toProtoDraft = (d: RosterDraft): r.RosterDraft => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  periodStart: iso(d.periodStart),
  periodEnd: iso(d.periodEnd),
  shifts: d.shifts.map((s) => ({
    type: s.type,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    personId: s.personId,
  })),
  contacts: d.contacts.map((x) => ({
    personId: x.personId,
    name: x.name,
    phone: x.phone,
    standingRole: x.standingRole ?? '',
    away: x.away,
    substituteId: x.substituteId ?? '',
  })),
  restOverrides: d.restOverrides.map((o) => ({ personId: o.personId, startsAt: iso(o.startsAt), reason: o.reason })),
  fairnessExemption: d.fairnessExemption ?? '',
  holidayName: d.holidayName ?? '',
  preparedBy: d.preparedBy,
  submittedAt: iso(d.submittedAt),
  approvedBy: d.approvedBy ?? '',
  approvedAt: iso(d.approvedAt),
  rejectedBy: d.rejectedBy ?? '',
  rejectionReason: d.rejectionReason ?? '',
  publishedBy: d.publishedBy ?? '',
  publishedAt: iso(d.publishedAt),
  publishedVersion: d.publishedVersion ?? 0,
  lockedAt: iso(d.lockedAt),
});
