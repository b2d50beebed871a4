import type { dutyRostersV1 } from '@gov/contracts';
import { orNull } from './common.mapper';

/** proto → JSON for rosters under review: empty strings (proto3's "unset") become null. */
export const rosterDraftToJson = (d: dutyRostersV1.RosterDraft) => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  periodStart: d.periodStart,
  periodEnd: d.periodEnd,
  holidayName: orNull(d.holidayName),
  shifts: d.shifts.map((s) => ({ type: s.type, startsAt: s.startsAt, endsAt: s.endsAt, personId: s.personId })),
  contacts: d.contacts.map((c) => ({
    personId: c.personId,
    name: c.name,
    phone: c.phone,
    standingRole: orNull(c.standingRole),
    away: c.away,
    substituteId: orNull(c.substituteId),
  })),
  restOverrides: d.restOverrides.map((o) => ({ personId: o.personId, startsAt: o.startsAt, reason: o.reason })),
  fairnessExemption: orNull(d.fairnessExemption),
  preparedBy: d.preparedBy,
  submittedAt: orNull(d.submittedAt),
  approvedBy: orNull(d.approvedBy),
  approvedAt: orNull(d.approvedAt),
  rejectedBy: orNull(d.rejectedBy),
  rejectionReason: orNull(d.rejectionReason),
  publishedBy: orNull(d.publishedBy),
  publishedAt: orNull(d.publishedAt),
  publishedVersion: d.publishedVersion || null,
  lockedAt: orNull(d.lockedAt),
});

/** JSON contacts (standingRole optional) → proto contacts (empty string for unset). */
export const contactsToProto = (
  list: { personId: string; name: string; phone: string; standingRole?: string; away: boolean; substituteId: string }[],
): dutyRostersV1.RosterContact[] => list.map((c) => ({ ...c, standingRole: c.standingRole ?? '' }));
