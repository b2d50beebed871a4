import { dutyV1 } from '@gov/contracts';
import { ValidationError } from '@gov/platform/errors';
import type { Category, Incident, IntakeInput, Obligation, Severity, ViolationCandidate } from '../../domain/incident';
import type { Contact, Shift, ShiftType, StandingRole } from '../../domain/roster';
import type { ContactSheet, SheetPerson } from '../../domain/contact-sheet';

/** Two-way tables between domain strings and proto enums; UNSPECIFIED maps to nothing and is rejected. */
function table<D extends string, P extends number>(pairs: [D, P][]) {
  const toProto = new Map(pairs);
  const toDomain = new Map(pairs.map(([d, p]) => [p, d] as const));
  return { toProto: (d: D): P => toProto.get(d)!, toDomain: (p: P): D | undefined => toDomain.get(p) };
}

const S = dutyV1.Severity;
const severity = table<Severity, dutyV1.Severity>([
  ['I', S.SEVERITY_I],
  ['II', S.SEVERITY_II],
  ['III', S.SEVERITY_III],
  ['IV', S.SEVERITY_IV],
  ['UNKNOWN', S.SEVERITY_UNKNOWN],
]);
const C = dutyV1.Category;
const category = table<Category, dutyV1.Category>([
  ['NATURAL_DISASTER', C.CATEGORY_NATURAL_DISASTER],
  ['ACCIDENT', C.CATEGORY_ACCIDENT],
  ['PUBLIC_HEALTH', C.CATEGORY_PUBLIC_HEALTH],
  ['MASS_INCIDENT', C.CATEGORY_MASS_INCIDENT],
  ['PUBLIC_ORDER_CRIMINAL', C.CATEGORY_PUBLIC_ORDER_CRIMINAL],
  ['NATIONAL_SECURITY_STABILITY', C.CATEGORY_NATIONAL_SECURITY_STABILITY],
  ['SENSITIVE_OPINION', C.CATEGORY_SENSITIVE_OPINION],
  ['PRECURSOR_INTELLIGENCE', C.CATEGORY_PRECURSOR_INTELLIGENCE],
  ['OTHER', C.CATEGORY_OTHER],
]);
const T = dutyV1.ShiftType;
const shiftType = table<ShiftType, dutyV1.ShiftType>([
  ['OFFICE_DAY', T.SHIFT_TYPE_OFFICE_DAY],
  ['OFFICE_NIGHT', T.SHIFT_TYPE_OFFICE_NIGHT],
  ['OFFICE_LEADER_24H', T.SHIFT_TYPE_OFFICE_LEADER_24H],
  ['GOV_LEADER_24H', T.SHIFT_TYPE_GOV_LEADER_24H],
]);
const standingRoles: StandingRole[] = [
  'OFFICE_DIRECTOR',
  'OFFICE_ACTING_DIRECTOR',
  'OFFICE_DEPUTY',
  'GOV_PRINCIPAL',
  'GOV_EXEC_DEPUTY',
];

export const toProtoSeverity = severity.toProto;
export const toDomainSeverity = severity.toDomain;
export const toProtoCategory = category.toProto;
export const toProtoShiftType = shiftType.toProto;

const instant = (s: string, field: string, v: { field: string; message: string }[], optional = false) => {
  if (!s && optional) return undefined;
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) v.push({ field, message: 'must be an RFC 3339 instant' });
  return d;
};

export function toIntake(req: dutyV1.RaiseIncidentRequest): { idempotencyKey: string; input: IntakeInput } {
  const v: { field: string; message: string }[] = [];
  const sev = severity.toDomain(req.severity);
  const cat = category.toDomain(req.category);
  if (!sev) v.push({ field: 'severity', message: 'is required (I, II, III, IV or UNKNOWN)' });
  if (!cat) v.push({ field: 'category', message: 'is required' });
  const occurredAt = instant(req.occurredAt, 'occurredAt', v, true);
  if (v.length) throw new ValidationError(v, 'INCIDENT_INVALID');
  return {
    idempotencyKey: req.idempotencyKey,
    input: {
      title: req.title,
      category: cat!,
      severity: sev!,
      ...(req.possiblyMajor === undefined ? {} : { possiblyMajor: req.possiblyMajor }),
      ...(occurredAt ? { occurredAt } : {}),
      sourceChannel: req.sourceChannel || 'PHONE',
      sourceUnitId: req.sourceUnitId,
      location: req.location,
      description: req.description,
      classified: req.classified,
    },
  };
}

export const toProtoObligation = (o: Obligation): dutyV1.Obligation => ({
  id: o.id,
  targetId: o.targetId,
  mode: o.mode,
  kind: o.kind,
  dueAt: o.dueAt.toISOString(),
  warnAt: o.warnAt.toISOString(),
  status: o.status,
  fulfilledByReportId: o.fulfilledByReportId ?? '',
  fulfilledAt: o.fulfilledAt ? new Date(o.fulfilledAt).toISOString() : '',
  waivedReason: o.waivedReason ?? '',
});

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : '');

export const toProtoViolation = (v: ViolationCandidate): dutyV1.ViolationCandidate => ({
  id: v.id,
  type: v.type,
  personId: v.personId,
  obligationId: v.obligationId ?? '',
  at: iso(v.at),
  status: v.status,
});

export function toProtoIncident(i: Incident): dutyV1.Incident {
  return {
    id: i.id,
    title: i.title,
    category: category.toProto(i.category),
    severity: severity.toProto(i.severity),
    possiblyMajor: i.possiblyMajor,
    occurredAt: i.occurredAt.toISOString(),
    occurredAtEstimated: i.occurredAtEstimated,
    receivedAt: i.receivedAt.toISOString(),
    status: i.status,
    flags: i.flags,
    obligations: i.obligations.map(toProtoObligation),
    notifications: i.notifications.map((n) => ({
      recipientId: n.recipientId,
      step: n.step,
      attempt: n.attempt,
      channel: n.channels.join(','),
      sentAt: new Date(n.sentAt).toISOString(),
    })),
    acknowledgedAt: i.acknowledgedAt?.toISOString() ?? '',
    acknowledgedBy: i.acknowledgedBy ?? '',
    sourceDelayMinutes: i.sourceDelayMinutes,
    classified: i.classified,
    reportedWithoutInstruction: i.reportedWithoutInstruction ?? false,
    verification: i.verification ?? 'UNVERIFIED',
    verificationTasks: (i.verificationTasks ?? []).map((t) => ({
      party: t.party,
      status: t.status,
      openedAt: iso(t.openedAt),
      closedAt: iso(t.closedAt),
    })),
    reports: (i.reports ?? []).map((r) => ({
      id: r.id,
      targetId: r.targetId,
      mode: r.mode,
      kind: r.kind,
      content: r.content,
      reportedAt: iso(r.reportedAt),
      reportedBy: r.reportedBy,
      receiverName: r.receiverName,
      documentRef: r.documentRef,
      reportedWithoutInstruction: r.reportedWithoutInstruction,
      ...(r.partyOffice
        ? {
            partyOffice: {
              confirmedBy: r.partyOffice.confirmedBy,
              confirmedAt: r.partyOffice.confirmedAt.toISOString(),
              reference: r.partyOffice.reference,
            },
          }
        : {}),
    })),
    violations: (i.violations ?? []).map(toProtoViolation),
    resolvedAt: iso(i.resolvedAt),
    voidedAt: iso(i.voidedAt),
    voidedBy: i.voidedBy ?? '',
    voidReason: i.voidReason ?? '',
    closedAt: iso(i.closedAt),
    closedBy: i.closedBy ?? '',
    drafts: (i.drafts ?? []).map((d) => ({
      id: d.id,
      kind: d.kind,
      content: d.content,
      createdBy: d.createdBy,
      createdAt: iso(d.createdAt),
      chain: d.chain.map((c) => ({
        role: c.role,
        action: c.action,
        personId: c.personId,
        substituteFor: c.substituteFor ?? '',
        actedAt: iso(c.actedAt),
        dueAt: iso(c.dueAt),
        timeouts: c.timeouts ?? 0,
        skippedBy: c.skipped?.by ?? '',
        skipReason: c.skipped?.reason ?? '',
      })),
      status: d.status,
      signedAt: iso(d.signedAt),
    })),
  };
}

export function toRosterCommand(req: dutyV1.PublishRosterRequest) {
  const v: { field: string; message: string }[] = [];
  const periodStart = instant(req.periodStart, 'periodStart', v)!;
  const periodEnd = instant(req.periodEnd, 'periodEnd', v)!;
  const shifts: Shift[] = req.shifts.map((s, i) => {
    const type = shiftType.toDomain(s.type);
    if (!type) v.push({ field: `shifts[${i}].type`, message: 'is required' });
    if (!s.personId) v.push({ field: `shifts[${i}].personId`, message: 'is required' });
    return {
      type: type!,
      startsAt: instant(s.startsAt, `shifts[${i}].startsAt`, v)!,
      endsAt: instant(s.endsAt, `shifts[${i}].endsAt`, v)!,
      personId: s.personId,
    };
  });
  const contacts: Contact[] = req.contacts.map((c, i) => {
    if (c.standingRole && !standingRoles.includes(c.standingRole as StandingRole))
      v.push({ field: `contacts[${i}].standingRole`, message: `must be one of ${standingRoles.join(', ')}` });
    return {
      personId: c.personId,
      name: c.name,
      phone: c.phone,
      ...(c.standingRole ? { standingRole: c.standingRole as StandingRole } : {}),
      away: c.away,
      ...(c.substituteId ? { substituteId: c.substituteId } : {}),
    };
  });
  if (v.length) throw new ValidationError(v, 'ROSTER_INVALID');
  return { idempotencyKey: req.idempotencyKey, periodStart, periodEnd, shifts, contacts };
}

const toProtoSheetPerson = (p: SheetPerson): dutyV1.ContactSheetPerson => ({
  personId: p.personId,
  name: p.name,
  phone: p.phone,
  away: p.away,
  substituteId: p.substitute?.personId ?? '',
  substituteName: p.substitute?.name ?? '',
  substitutePhone: p.substitute?.phone ?? '',
});

export function toProtoContactSheet(s: ContactSheet & { text: string }): dutyV1.GetContactSheetResponse {
  return {
    date: s.date,
    generatedAt: s.generatedAt.toISOString(),
    shifts: s.shifts.map((x) => ({
      shiftType: shiftType.toProto(x.type),
      startsAt: x.startsAt.toISOString(),
      endsAt: x.endsAt.toISOString(),
      person: toProtoSheetPerson(x.person),
    })),
    chain: s.chain.map((c) => ({
      chain: c.chain,
      slot: c.slot,
      ...(c.person ? { person: toProtoSheetPerson(c.person) } : {}),
    })),
    targets: s.targets.map((t) => ({
      targetId: t.id,
      name: t.name,
      level: t.level,
      mode: t.mode,
      phones: t.phones,
      fax: t.fax,
      limits: t.limits,
    })),
    text: s.text,
  };
}
