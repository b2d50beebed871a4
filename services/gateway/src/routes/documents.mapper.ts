import { documentV1 } from '@gov/contracts';
import { classificationToJson, classificationToProto, orNull, orgUnitToJson, reverse } from './common.mapper';
import type {
  AwaitingRegistrationQuery,
  ChannelName,
  IncomingDocumentJson,
  NatureName,
  RegisterIncomingBody,
  RegisterSignedInBody,
  UrgencyName,
} from './documents.schema';

const { Urgency, IncomingNature, Channel } = documentV1;

export const urgencyToProto: Record<UrgencyName, documentV1.Urgency> = {
  NORMAL: Urgency.URGENCY_NORMAL,
  URGENT: Urgency.URGENCY_URGENT,
  EXTRA_URGENT: Urgency.URGENCY_EXTRA_URGENT,
};

export const natureToProto: Record<NatureName, documentV1.IncomingNature> = {
  FOR_ACTION: IncomingNature.INCOMING_NATURE_FOR_ACTION,
  FOR_READING: IncomingNature.INCOMING_NATURE_FOR_READING,
};

export const channelToProto: Record<ChannelName, documentV1.Channel> = {
  PAPER: Channel.CHANNEL_PAPER,
  ELECTRONIC_GOV_NET: Channel.CHANNEL_ELECTRONIC_GOV_NET,
  ELECTRONIC_PARTY_NET: Channel.CHANNEL_ELECTRONIC_PARTY_NET,
  FAX: Channel.CHANNEL_FAX,
  TELEGRAM: Channel.CHANNEL_TELEGRAM,
  DUTY_HANDOVER: Channel.CHANNEL_DUTY_HANDOVER,
  HAND_DELIVERED: Channel.CHANNEL_HAND_DELIVERED,
};

const urgencyToJson = reverse(urgencyToProto);
const natureToJson = reverse(natureToProto);
const channelToJson = reverse(channelToProto);

export function toRegisterIncomingRequest(
  body: RegisterIncomingBody,
  idempotencyKey: string,
): documentV1.RegisterIncomingRequest {
  return {
    idempotencyKey,
    title: body.title,
    sender: { id: body.sender.id, name: body.sender.name },
    senderDocNo: body.senderDocNo,
    urgency: urgencyToProto[body.urgency],
    classification: classificationToProto[body.classification],
    nature: natureToProto[body.nature],
    channel: channelToProto[body.channel],
    receivedAt: body.receivedAt,
    ccOnly: body.ccOnly,
    fromSuperior: body.fromSuperior,
    handlingLimitWorkingDays: body.handlingLimitWorkingDays,
  };
}

export function toRegisterSignedInRequest(
  id: string,
  body: RegisterSignedInBody,
  idempotencyKey: string,
): documentV1.RegisterSignedInRequest {
  return {
    idempotencyKey,
    id,
    sender: { id: body.sender.id, name: body.sender.name },
    senderDocNo: body.senderDocNo,
    classification: classificationToProto[body.classification],
    nature: natureToProto[body.nature],
    // UNSPECIFIED asks the service to keep the urgency the duty desk recorded
    urgency: body.urgency ? urgencyToProto[body.urgency] : Urgency.URGENCY_UNSPECIFIED,
    ccOnly: body.ccOnly,
    fromSuperior: body.fromSuperior,
    handlingLimitWorkingDays: body.handlingLimitWorkingDays,
  };
}

/** Absent paging fields become proto3 zero values, which the service reads as "its default". */
export function toListAwaitingRegistrationRequest(
  query: AwaitingRegistrationQuery,
): documentV1.ListAwaitingRegistrationRequest {
  return { page: { pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? '' } };
}

export function incomingDocumentToJson(doc: documentV1.IncomingDocument): IncomingDocumentJson {
  return {
    id: doc.id,
    receiptNo: doc.receiptNo,
    title: doc.title,
    sender: orgUnitToJson(doc.sender),
    senderDocNo: doc.senderDocNo,
    urgency: urgencyToJson(doc.urgency),
    classification: classificationToJson(doc.classification),
    nature: natureToJson(doc.nature),
    channel: channelToJson(doc.channel),
    receivedAt: doc.receivedAt,
    registeredAt: orNull(doc.registeredAt),
    registrationDueAt: orNull(doc.registrationDueAt),
    registeredLate: doc.registeredLate,
    handlingLimitWorkingDays: doc.handlingLimitWorkingDays,
    handlingDueAt: orNull(doc.handlingDueAt),
    handlingDueProvisional: doc.handlingDueProvisional,
    state: doc.state,
    registeredByUnit: orgUnitToJson(doc.registeredByUnit),
    ccOnly: doc.ccOnly,
    fromSuperior: doc.fromSuperior,
    signedInAt: orNull(doc.signedInAt),
    handedToUnit: orgUnitToJson(doc.handedToUnit),
    dutyHandover: doc.dutyHandover
      ? { deskDocumentId: doc.dutyHandover.deskDocumentId, kind: doc.dutyHandover.kind }
      : null,
  };
}
