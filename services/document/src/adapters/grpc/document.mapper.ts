import { commonV1, documentV1 } from '@gov/contracts';
import type { Clearance } from '@gov/platform/auth';
import { ValidationError } from '@gov/platform/errors';
import type {
  Channel,
  IncomingDocument,
  IncomingNature,
  RegisterIncomingInput,
  SignedInRegistration,
  StoredIncoming,
  Urgency,
} from '../../domain/incoming-document';
import { toProtoAuditRecord } from '@gov/platform';
import type { StoredAuditEntry } from '../../app/ports';

/** Two-way tables between domain strings and proto enums; UNSPECIFIED maps to nothing and is rejected. */
function table<D extends string, P extends number>(pairs: [D, P][]) {
  const toProto = new Map(pairs);
  const toDomain = new Map(pairs.map(([d, p]) => [p, d] as const));
  return {
    toProto: (d: D): P => toProto.get(d)!,
    toDomain: (p: P): D | undefined => toDomain.get(p),
  };
}

const U = documentV1.Urgency;
const urgency = table<Urgency, documentV1.Urgency>([
  ['NORMAL', U.URGENCY_NORMAL],
  ['URGENT', U.URGENCY_URGENT],
  ['EXTRA_URGENT', U.URGENCY_EXTRA_URGENT],
]);
const C = commonV1.Classification;
const classification = table<Clearance, commonV1.Classification>([
  ['PUBLIC', C.CLASSIFICATION_PUBLIC],
  ['INTERNAL', C.CLASSIFICATION_INTERNAL],
  ['SECRET', C.CLASSIFICATION_SECRET],
  ['CONFIDENTIAL', C.CLASSIFICATION_CONFIDENTIAL],
  ['TOP_SECRET', C.CLASSIFICATION_TOP_SECRET],
]);
const N = documentV1.IncomingNature;
const nature = table<IncomingNature, documentV1.IncomingNature>([
  ['FOR_ACTION', N.INCOMING_NATURE_FOR_ACTION],
  ['FOR_READING', N.INCOMING_NATURE_FOR_READING],
]);
const Ch = documentV1.Channel;
const channel = table<Channel, documentV1.Channel>([
  ['PAPER', Ch.CHANNEL_PAPER],
  ['ELECTRONIC_GOV_NET', Ch.CHANNEL_ELECTRONIC_GOV_NET],
  ['ELECTRONIC_PARTY_NET', Ch.CHANNEL_ELECTRONIC_PARTY_NET],
  ['FAX', Ch.CHANNEL_FAX],
  ['TELEGRAM', Ch.CHANNEL_TELEGRAM],
  ['DUTY_HANDOVER', Ch.CHANNEL_DUTY_HANDOVER],
  ['HAND_DELIVERED', Ch.CHANNEL_HAND_DELIVERED],
]);

export const toProtoUrgency = urgency.toProto;
export const toProtoClassification = classification.toProto;
export const toProtoNature = nature.toProto;

/** Request → domain input; every missing enum or malformed instant is reported at once. */
export function toRegisterInput(req: documentV1.RegisterIncomingRequest): {
  idempotencyKey: string;
  input: RegisterIncomingInput;
} {
  const violations: { field: string; message: string }[] = [];
  const need = <T>(v: T | undefined, field: string): T => {
    if (v === undefined) violations.push({ field, message: 'is required' });
    return v as T;
  };
  const receivedAt = new Date(req.receivedAt);
  if (!req.receivedAt || Number.isNaN(receivedAt.getTime()))
    violations.push({ field: 'receivedAt', message: 'must be an RFC 3339 instant' });
  const input: RegisterIncomingInput = {
    title: req.title,
    sender: { id: req.sender?.id ?? '', name: req.sender?.name ?? '' },
    senderDocNo: req.senderDocNo,
    urgency: need(urgency.toDomain(req.urgency), 'urgency'),
    classification: need(classification.toDomain(req.classification), 'classification'),
    nature: need(nature.toDomain(req.nature), 'nature'),
    channel: need(channel.toDomain(req.channel), 'channel'),
    receivedAt,
    ccOnly: req.ccOnly,
    fromSuperior: req.fromSuperior,
    handlingLimitWorkingDays: req.handlingLimitWorkingDays,
  };
  if (violations.length > 0) throw new ValidationError(violations, 'INCOMING_INVALID');
  return { idempotencyKey: req.idempotencyKey, input };
}

/** The 综合股's registration of a signed-in handover; UNSPECIFIED urgency keeps the desk's. */
export function toRegisterSignedIn(req: documentV1.RegisterSignedInRequest): {
  idempotencyKey: string;
  id: string;
  registration: SignedInRegistration;
} {
  const violations: { field: string; message: string }[] = [];
  const need = <T>(v: T | undefined, field: string): T => {
    if (v === undefined) violations.push({ field, message: 'is required' });
    return v as T;
  };
  if (!req.id) violations.push({ field: 'id', message: 'is required' });
  const keepUrgency = req.urgency === documentV1.Urgency.URGENCY_UNSPECIFIED;
  const registration: SignedInRegistration = {
    sender: { id: req.sender?.id ?? '', name: req.sender?.name ?? '' },
    senderDocNo: req.senderDocNo,
    classification: need(classification.toDomain(req.classification), 'classification'),
    nature: need(nature.toDomain(req.nature), 'nature'),
    urgency: keepUrgency ? undefined : need(urgency.toDomain(req.urgency), 'urgency'),
    ccOnly: req.ccOnly,
    fromSuperior: req.fromSuperior,
    handlingLimitWorkingDays: req.handlingLimitWorkingDays,
  };
  if (violations.length > 0) throw new ValidationError(violations, 'INCOMING_INVALID');
  return { idempotencyKey: req.idempotencyKey, id: req.id, registration };
}

/** Where a duty handover came from; empty for documents registered directly. */
function handoverFields(
  d: StoredIncoming,
): Pick<documentV1.IncomingDocument, 'signedInAt' | 'handedToUnit' | 'dutyHandover'> {
  return {
    signedInAt: d.signedInAt?.toISOString() ?? '',
    handedToUnit: d.handedToUnitId ? { id: d.handedToUnitId, name: '' } : undefined,
    dutyHandover: d.dutyHandover
      ? { deskDocumentId: d.dutyHandover.deskDocumentId, kind: d.dutyHandover.kind }
      : undefined,
  };
}

/** A signed-in handover has no receipt number, nature or registration yet; those fields stay empty. */
function toProtoSignedIn(d: Exclude<StoredIncoming, IncomingDocument>): documentV1.IncomingDocument {
  return {
    ...documentV1.IncomingDocument.fromPartial({}),
    id: d.id,
    title: d.title,
    sender: { id: d.sender.id, name: d.sender.name },
    urgency: urgency.toProto(d.urgency),
    classification: classification.toProto(d.classification),
    channel: channel.toProto(d.channel),
    receivedAt: d.receivedAt.toISOString(),
    registrationDueAt: d.registrationDueAt.toISOString(),
    state: d.state,
    ...handoverFields(d),
  };
}

export function toProtoDocument(d: StoredIncoming): documentV1.IncomingDocument {
  if (d.state === 'SIGNED_IN') return toProtoSignedIn(d);
  return {
    id: d.id,
    receiptNo: d.receiptNo,
    title: d.title,
    sender: { id: d.sender.id, name: d.sender.name },
    senderDocNo: d.senderDocNo,
    urgency: urgency.toProto(d.urgency),
    classification: classification.toProto(d.classification),
    nature: nature.toProto(d.nature),
    channel: channel.toProto(d.channel),
    receivedAt: d.receivedAt.toISOString(),
    registeredAt: d.registeredAt.toISOString(),
    registrationDueAt: d.registrationDueAt.toISOString(),
    registeredLate: d.registeredLate,
    handlingLimitWorkingDays: d.handlingLimitWorkingDays,
    handlingDueAt: d.handlingDueAt?.toISOString() ?? '',
    handlingDueProvisional: d.handlingDueProvisional,
    state: d.state,
    registeredByUnit: { id: d.registeredBy.orgUnitId, name: '' },
    ccOnly: d.ccOnly,
    fromSuperior: d.fromSuperior,
    ...handoverFields(d),
  };
}

/** Audit lines go out in the platform's one shape. */
export const toProtoAudit = (a: StoredAuditEntry) => toProtoAuditRecord(a);
