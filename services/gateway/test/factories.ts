import { commonV1, documentV1, supervisionV1 } from '@gov/contracts';

/** Factories with overrides (STYLE §12): each test states only the fields its rule is about. */
export const aRegisterBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: '关于做好2026年春节期间值班工作的通知',
  sender: { id: 'county/gov-office', name: '县政府办公室' },
  senderDocNo: '三湖办〔2026〕3号',
  urgency: 'URGENT',
  classification: 'INTERNAL',
  nature: 'FOR_ACTION',
  channel: 'ELECTRONIC_GOV_NET',
  receivedAt: '2026-01-05T09:30:00+08:00',
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 5,
  ...overrides,
});

export const anIncomingDocument = (
  overrides: Partial<documentV1.IncomingDocument> = {},
): documentV1.IncomingDocument => ({
  id: 'doc-1',
  receiptNo: 'SW-2026-00001',
  title: '关于做好2026年春节期间值班工作的通知',
  sender: { id: 'county/gov-office', name: '县政府办公室' },
  senderDocNo: '三湖办〔2026〕3号',
  urgency: documentV1.Urgency.URGENCY_URGENT,
  classification: commonV1.Classification.CLASSIFICATION_INTERNAL,
  nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
  channel: documentV1.Channel.CHANNEL_ELECTRONIC_GOV_NET,
  receivedAt: '2026-01-05T01:30:00.000Z',
  registeredAt: '2026-01-05T02:00:00.000Z',
  registrationDueAt: '2026-01-06T01:30:00.000Z',
  registeredLate: false,
  handlingLimitWorkingDays: 5,
  handlingDueAt: '2026-01-12T09:59:59.999Z',
  handlingDueProvisional: false,
  state: 'REGISTERED',
  registeredByUnit: { id: 'gov-office/secretariat', name: '秘书科' },
  ccOnly: false,
  fromSuperior: true,
  signedInAt: '',
  ...overrides,
});

/** A document the duty desk signed in off-hours: no receipt number, nature or registration yet. */
export const aSignedInDocument = (overrides: Partial<documentV1.IncomingDocument> = {}): documentV1.IncomingDocument =>
  anIncomingDocument({
    id: 'in-duty-desk-1',
    receiptNo: '',
    title: '关于做好冬季安全生产工作的通知',
    sender: { id: '', name: '州人民政府办公室' },
    senderDocNo: '',
    nature: documentV1.IncomingNature.INCOMING_NATURE_UNSPECIFIED,
    channel: documentV1.Channel.CHANNEL_DUTY_HANDOVER,
    receivedAt: '2026-11-22T01:50:00.000Z',
    registeredAt: '',
    registrationDueAt: '2026-11-23T04:00:00.000Z',
    handlingLimitWorkingDays: 0,
    handlingDueAt: '',
    state: 'SIGNED_IN',
    registeredByUnit: undefined,
    fromSuperior: false,
    signedInAt: '2026-11-22T01:50:00.000Z',
    handedToUnit: { id: 'gov-office/general-section', name: '' },
    dutyHandover: { deskDocumentId: 'desk-1', kind: 'FAX' },
    ...overrides,
  });

/** Body of POST /v1/documents/incoming/{id}/registration. */
export const aRegisterSignedInBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sender: { id: 'pref-gov-office', name: '州人民政府办公室' },
  senderDocNo: '州府办〔2026〕41号',
  classification: 'INTERNAL',
  nature: 'FOR_ACTION',
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 0,
  ...overrides,
});

export const anAuditRecord = (overrides: Partial<commonV1.AuditRecord> = {}): commonV1.AuditRecord => ({
  seq: '1',
  action: 'REGISTERED',
  actor: {
    userId: 'u-clerk',
    displayName: '王文书',
    orgUnitId: 'gov-office/secretariat',
    roles: ['CLERK'],
    clearance: commonV1.Classification.CLASSIFICATION_SECRET,
  },
  reason: '',
  at: '2026-01-05T02:00:00.000Z',
  hash: 'ab'.repeat(32),
  ...overrides,
});

export const aSupervisionItem = (
  overrides: Partial<supervisionV1.SupervisionItem> = {},
): supervisionV1.SupervisionItem => ({
  id: 'item-1',
  ledgerNo: 'DC-2026-00001',
  sourceType: supervisionV1.SourceType.SOURCE_TYPE_DOCUMENT,
  sourceId: 'doc-1',
  title: '春节值班安排落实情况',
  state: 'OPEN',
  dueAt: '2026-01-12T09:59:59.999Z',
  deadlineRule: 'SENDER_LIMIT',
  dueProvisional: false,
  workingDays: 5,
  urgency: supervisionV1.UrgencyLabel.URGENCY_LABEL_URGENT,
  openedAt: '2026-01-05T02:00:01.000Z',
  calendarVersion: '2026.1',
  outcome: '',
  originalDueAt: '2026-01-12T09:59:59.999Z',
  supervisingUnitId: 'gov-office/supervision',
  leadUnitId: '',
  completedAt: '',
  closedAt: '',
  feedback: [],
  ...overrides,
});
