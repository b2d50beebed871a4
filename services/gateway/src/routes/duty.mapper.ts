import { dutyV1 } from '@gov/contracts';
import { reverse } from './common.mapper';
import type { CategoryName, RaiseIncidentBody, RosterBody, SeverityName } from './duty.schema';

const { Severity, Category, ShiftType } = dutyV1;

export const severityToProto: Record<SeverityName, dutyV1.Severity> = {
  I: Severity.SEVERITY_I,
  II: Severity.SEVERITY_II,
  III: Severity.SEVERITY_III,
  IV: Severity.SEVERITY_IV,
  UNKNOWN: Severity.SEVERITY_UNKNOWN,
};
export const categoryToProto: Record<CategoryName, dutyV1.Category> = {
  NATURAL_DISASTER: Category.CATEGORY_NATURAL_DISASTER,
  ACCIDENT: Category.CATEGORY_ACCIDENT,
  PUBLIC_HEALTH: Category.CATEGORY_PUBLIC_HEALTH,
  MASS_INCIDENT: Category.CATEGORY_MASS_INCIDENT,
  PUBLIC_ORDER_CRIMINAL: Category.CATEGORY_PUBLIC_ORDER_CRIMINAL,
  NATIONAL_SECURITY_STABILITY: Category.CATEGORY_NATIONAL_SECURITY_STABILITY,
  SENSITIVE_OPINION: Category.CATEGORY_SENSITIVE_OPINION,
  PRECURSOR_INTELLIGENCE: Category.CATEGORY_PRECURSOR_INTELLIGENCE,
  OTHER: Category.CATEGORY_OTHER,
};
const shiftTypeToJson: Partial<Record<dutyV1.ShiftType, string>> = {
  [ShiftType.SHIFT_TYPE_OFFICE_DAY]: 'OFFICE_DAY',
  [ShiftType.SHIFT_TYPE_OFFICE_NIGHT]: 'OFFICE_NIGHT',
  [ShiftType.SHIFT_TYPE_OFFICE_LEADER_24H]: 'OFFICE_LEADER_24H',
  [ShiftType.SHIFT_TYPE_GOV_LEADER_24H]: 'GOV_LEADER_24H',
};
const severityToJson = reverse(severityToProto);
const categoryToJson = reverse(categoryToProto);
const orNull = (s: string) => (s ? s : null);

export function toRaiseIncidentRequest(b: RaiseIncidentBody, idempotencyKey: string): dutyV1.RaiseIncidentRequest {
  return {
    idempotencyKey,
    title: b.title,
    category: categoryToProto[b.category],
    severity: severityToProto[b.severity],
    ...(b.possiblyMajor === undefined ? {} : { possiblyMajor: b.possiblyMajor }),
    occurredAt: b.occurredAt ?? '',
    sourceChannel: b.sourceChannel,
    sourceUnitId: b.sourceUnitId,
    location: b.location,
    description: b.description,
    classified: b.classified,
  };
}

export function incidentToJson(i: dutyV1.Incident) {
  return {
    id: i.id,
    title: i.title,
    category: categoryToJson(i.category),
    severity: severityToJson(i.severity),
    possiblyMajor: i.possiblyMajor,
    occurredAt: i.occurredAt,
    occurredAtEstimated: i.occurredAtEstimated,
    receivedAt: i.receivedAt,
    status: i.status,
    flags: i.flags,
    sourceDelayMinutes: i.sourceDelayMinutes,
    classified: i.classified,
    obligations: i.obligations.map((o) => ({
      id: o.id,
      targetId: o.targetId,
      mode: o.mode,
      kind: o.kind,
      dueAt: o.dueAt,
      warnAt: o.warnAt,
      status: o.status,
      fulfilledByReportId: orNull(o.fulfilledByReportId),
      fulfilledAt: orNull(o.fulfilledAt),
      waivedReason: orNull(o.waivedReason),
    })),
    notifications: i.notifications.map((n) => ({
      recipientId: n.recipientId,
      step: n.step,
      attempt: n.attempt,
      channels: n.channel ? n.channel.split(',') : [],
      sentAt: n.sentAt,
    })),
    acknowledgedAt: orNull(i.acknowledgedAt),
    acknowledgedBy: orNull(i.acknowledgedBy),
    reportedWithoutInstruction: i.reportedWithoutInstruction,
    verification: i.verification || 'UNVERIFIED',
    verificationTasks: i.verificationTasks.map((t) => ({
      party: t.party,
      status: t.status,
      openedAt: t.openedAt,
      closedAt: orNull(t.closedAt),
    })),
    reports: i.reports.map((r) => ({ ...r, documentRef: orNull(r.documentRef), partyOffice: r.partyOffice ?? null })),
    violations: i.violations.map((v) => ({ ...v, obligationId: orNull(v.obligationId) })),
    resolvedAt: orNull(i.resolvedAt),
    voidedAt: orNull(i.voidedAt),
    voidedBy: orNull(i.voidedBy),
    voidReason: orNull(i.voidReason),
    closedAt: orNull(i.closedAt),
    closedBy: orNull(i.closedBy),
    drafts: i.drafts.map((d) => ({
      ...d,
      signedAt: orNull(d.signedAt),
      chain: d.chain.map((c) => ({
        ...c,
        substituteFor: orNull(c.substituteFor),
        actedAt: orNull(c.actedAt),
        dueAt: orNull(c.dueAt),
        skippedBy: orNull(c.skippedBy),
        skipReason: orNull(c.skipReason),
      })),
    })),
  };
}

export function onDutyToJson(r: dutyV1.GetOnDutyResponse) {
  return {
    at: r.at,
    people: r.people.map((p) => ({
      shiftType: shiftTypeToJson[p.shiftType] ?? null,
      personId: p.personId,
      name: p.name,
      shiftStartsAt: p.shiftStartsAt,
      shiftEndsAt: p.shiftEndsAt,
    })),
  };
}

const shiftTypeToProto: Record<RosterBody['shifts'][number]['type'], dutyV1.ShiftType> = {
  OFFICE_DAY: ShiftType.SHIFT_TYPE_OFFICE_DAY,
  OFFICE_NIGHT: ShiftType.SHIFT_TYPE_OFFICE_NIGHT,
  OFFICE_LEADER_24H: ShiftType.SHIFT_TYPE_OFFICE_LEADER_24H,
  GOV_LEADER_24H: ShiftType.SHIFT_TYPE_GOV_LEADER_24H,
};

export function toPublishRosterRequest(b: RosterBody, idempotencyKey: string): dutyV1.PublishRosterRequest {
  return {
    idempotencyKey,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    shifts: b.shifts.map((s) => ({ ...s, type: shiftTypeToProto[s.type] })),
    contacts: b.contacts.map((c) => ({
      personId: c.personId,
      name: c.name,
      phone: c.phone,
      standingRole: c.standingRole ?? '',
      away: c.away,
      substituteId: c.substituteId ?? '',
    })),
  };
}

const sheetPerson = (p: dutyV1.ContactSheetPerson | undefined) =>
  p
    ? {
        personId: p.personId,
        name: p.name,
        phone: p.phone,
        away: p.away,
        substitute: p.substituteId
          ? { personId: p.substituteId, name: p.substituteName, phone: p.substitutePhone }
          : null,
      }
    : null;

/** NF-8 contact sheet as JSON; `text` is the printable rendering. */
export function contactSheetToJson(r: dutyV1.GetContactSheetResponse) {
  return {
    date: r.date,
    generatedAt: r.generatedAt,
    shifts: r.shifts.map((x) => ({
      shiftType: shiftTypeToJson[x.shiftType] ?? null,
      startsAt: x.startsAt,
      endsAt: x.endsAt,
      person: sheetPerson(x.person),
    })),
    chain: r.chain.map((c) => ({ chain: c.chain, slot: c.slot, person: sheetPerson(c.person) })),
    targets: r.targets.map((t) => ({
      targetId: t.targetId,
      name: t.name,
      level: t.level,
      mode: t.mode || 'SELF',
      phones: t.phones,
      fax: orNull(t.fax),
      limits: t.limits,
    })),
    text: r.text,
  };
}

const chronologyEntryToJson = (e: dutyV1.ChronologyEntry) => ({
  seq: Number(e.seq),
  action: e.action,
  at: e.at,
  actorId: e.actorId,
  role: e.role,
  reconstructed: e.reconstructed
    ? { by: e.reconstructed.by, at: e.reconstructed.at, source: e.reconstructed.source, fills: e.reconstructed.fills }
    : null,
});

/** A chronology repair: the lines it appended, the gaps it left with the reason, and the record in time order. */
export function chronologyRepairToJson(r: dutyV1.RepairChronologyResponse, incident: dutyV1.Incident) {
  return {
    incident: incidentToJson(incident),
    appended: r.appended.map(chronologyEntryToJson),
    unrepaired: r.unrepaired.map((u) => ({ gap: u.gap, reason: u.reason })),
    chronology: r.chronology.map(chronologyEntryToJson),
  };
}
