import { commonV1, documentV1 } from '@gov/contracts';
import { aRegisterBody, aRegisterSignedInBody, aSignedInDocument, anIncomingDocument } from '../../test/factories';
import { classificationToProto } from './common.mapper';
import {
  channelToProto,
  incomingDocumentToJson,
  natureToProto,
  toListAwaitingRegistrationRequest,
  toRegisterIncomingRequest,
  toRegisterSignedInRequest,
  urgencyToProto,
} from './documents.mapper';
import {
  awaitingRegistrationQuery,
  incomingDocumentJson,
  registerIncomingBody,
  registerSignedInBody,
} from './documents.schema';

/** Proto values a client can meaningfully send: all but the zero value and ts-proto's UNRECOGNIZED. */
const meaningful = (e: Record<string, string | number>) =>
  Object.values(e).filter((v): v is number => typeof v === 'number' && v > 0);

describe('documents mapper', () => {
  it.each([
    ['Urgency', documentV1.Urgency, urgencyToProto],
    ['IncomingNature', documentV1.IncomingNature, natureToProto],
    ['Channel', documentV1.Channel, channelToProto],
    ['Classification', commonV1.Classification, classificationToProto],
  ] as const)('maps every %s value of the proto to a JSON name', (_name, protoEnum, table) => {
    expect(Object.values(table).sort()).toEqual(meaningful(protoEnum).sort());
  });

  it('builds the RegisterIncoming request with the idempotency key and proto enums', () => {
    const body = registerIncomingBody.parse(aRegisterBody({ urgency: 'EXTRA_URGENT', channel: 'DUTY_HANDOVER' }));
    expect(toRegisterIncomingRequest(body, 'key-1')).toEqual({
      idempotencyKey: 'key-1',
      title: '关于做好2026年春节期间值班工作的通知',
      sender: { id: 'county/gov-office', name: '县政府办公室' },
      senderDocNo: '三湖办〔2026〕3号',
      urgency: documentV1.Urgency.URGENCY_EXTRA_URGENT,
      classification: commonV1.Classification.CLASSIFICATION_INTERNAL,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
      channel: documentV1.Channel.CHANNEL_DUTY_HANDOVER,
      receivedAt: '2026-01-05T09:30:00+08:00',
      ccOnly: false,
      fromSuperior: true,
      handlingLimitWorkingDays: 5,
    });
  });

  it('renders a document as camelCase JSON with enum names that satisfies the published schema', () => {
    const json = incomingDocumentToJson(anIncomingDocument());
    expect(json).toMatchObject({
      urgency: 'URGENT',
      classification: 'INTERNAL',
      nature: 'FOR_ACTION',
      channel: 'ELECTRONIC_GOV_NET',
    });
    expect(incomingDocumentJson.parse(json)).toEqual(json);
  });

  it('names enum values it does not know UNSPECIFIED instead of leaking numbers', () => {
    const json = incomingDocumentToJson(
      anIncomingDocument({
        urgency: documentV1.Urgency.UNRECOGNIZED,
        channel: 42 as documentV1.Channel,
        classification: 0,
      }),
    );
    expect(json).toMatchObject({ urgency: 'UNSPECIFIED', channel: 'UNSPECIFIED', classification: 'UNSPECIFIED' });
  });

  it('turns unset proto strings and messages into null', () => {
    const json = incomingDocumentToJson(
      anIncomingDocument({ registrationDueAt: '', handlingDueAt: '', sender: undefined, registeredByUnit: undefined }),
    );
    expect(json).toMatchObject({ registrationDueAt: null, handlingDueAt: null, sender: null, registeredByUnit: null });
    expect(incomingDocumentJson.safeParse(json).success).toBe(true);
  });

  it('renders a signed-in handover with its desk record and unset registration fields as null (spec document R-IN-5)', () => {
    const json = incomingDocumentToJson(aSignedInDocument());
    expect(json).toMatchObject({
      state: 'SIGNED_IN',
      registeredAt: null,
      handlingDueAt: null,
      registeredByUnit: null,
      signedInAt: '2026-11-22T01:50:00.000Z',
      handedToUnit: { id: 'gov-office/general-section', name: '' },
      dutyHandover: { deskDocumentId: 'desk-1', kind: 'FAX' },
    });
    expect(incomingDocumentJson.parse(json)).toEqual(json);
  });

  it('leaves the handover fields null on a document registered directly', () => {
    expect(incomingDocumentToJson(anIncomingDocument())).toMatchObject({
      signedInAt: null,
      handedToUnit: null,
      dutyHandover: null,
    });
  });

  it('builds the RegisterSignedIn request, asking to keep the desk urgency when none is given', () => {
    const body = registerSignedInBody.parse(aRegisterSignedInBody({ sender: { id: 'pref-gov-office' } }));
    expect(toRegisterSignedInRequest('in-duty-desk-1', body, 'key-9')).toEqual({
      idempotencyKey: 'key-9',
      id: 'in-duty-desk-1',
      sender: { id: 'pref-gov-office', name: '' },
      senderDocNo: '州府办〔2026〕41号',
      classification: commonV1.Classification.CLASSIFICATION_INTERNAL,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
      urgency: documentV1.Urgency.URGENCY_UNSPECIFIED,
      ccOnly: false,
      fromSuperior: true,
      handlingLimitWorkingDays: 0,
    });
  });

  it('sends absent paging as proto3 zero values', () => {
    expect(toListAwaitingRegistrationRequest(awaitingRegistrationQuery.parse({}))).toEqual({
      page: { pageSize: 0, pageToken: '' },
    });
  });
});
