import { dutyDeskEventsV1 as ev, dutyDeskEventTypes as types, topics } from '@gov/contracts';
import { toDeskOutbox } from './desk-events.mapper';

// decoded with the published contract (proto/gov/duty/desk/events/v1), as supervision and document read them
const at = new Date('2024-11-17T02:00:00Z');
const later = new Date('2024-11-18T04:00:00Z');

describe(toDeskOutbox.name, () => {
  it('writes CallTransferred with the importance flags supervision needs for the 5/10-day rule (spec duty §8.4, §16.1)', () => {
    const [entry] = toDeskOutbox([
      {
        type: 'call.transferred',
        callId: 'call-1',
        line: 'HEAD_HOTLINE',
        category: 'LIVELIHOOD_PROBLEM',
        unitId: 'water-bureau',
        instruction: '请水务局办理',
        at,
        important: true,
        multiDepartment: false,
      },
    ]);
    expect(entry).toMatchObject({ topic: topics.duty, key: 'call-1', type: types.callTransferred });
    expect(ev.CallTransferred.decode(entry!.payload)).toEqual({
      callId: 'call-1',
      line: 'HEAD_HOTLINE',
      category: 'LIVELIHOOD_PROBLEM',
      unitId: 'water-bureau',
      instruction: '请水务局办理',
      at: at.toISOString(),
      important: true,
      multiDepartment: false,
    });
  });

  it('writes OffHoursDocumentReceived with the 密级 and the sender org id for document (spec duty §7 DK-4, §16.1)', () => {
    const [entry] = toDeskOutbox([
      {
        type: 'document.received_offhours',
        documentId: 'doc-1',
        kind: 'FAX',
        sender: '州人民政府办公室',
        title: '关于做好冬季安全生产工作的通知',
        urgency: 'NORMAL',
        receivedAt: at,
        registerBy: later,
        secrecyLevel: 'CONFIDENTIAL',
        senderOrgId: 'zhou-gov-office',
      },
    ]);
    expect(entry).toMatchObject({ key: 'doc-1', type: types.offHoursDocumentReceived, _id: 'doc-1:received_offhours' });
    expect(ev.OffHoursDocumentReceived.decode(entry!.payload)).toMatchObject({
      documentId: 'doc-1',
      sender: '州人民政府办公室',
      secrecyLevel: 'CONFIDENTIAL',
      senderOrgId: 'zhou-gov-office',
      registerBy: later.toISOString(),
    });
  });

  it('writes UrgentDocumentReceived with title, sender and kind (spec duty §7 DK-5, §16.1)', () => {
    const [entry] = toDeskOutbox([
      {
        type: 'urgent_document.received',
        documentId: 'doc-2',
        urgency: 'EXTRA_URGENT',
        kind: 'TELEGRAM',
        title: '明传电报：防汛紧急通知',
        sender: '省防汛抗旱指挥部',
        receivedAt: at,
        forwardWarnAt: new Date(at.getTime() + 45 * 60_000),
        forwardDueAt: new Date(at.getTime() + 60 * 60_000),
      },
    ]);
    expect(entry).toMatchObject({ key: 'doc-2', type: types.urgentDocumentReceived });
    expect(ev.UrgentDocumentReceived.decode(entry!.payload)).toEqual({
      documentId: 'doc-2',
      urgency: 'EXTRA_URGENT',
      receivedAt: at.toISOString(),
      forwardWarnAt: new Date(at.getTime() + 45 * 60_000).toISOString(),
      forwardDueAt: new Date(at.getTime() + 60 * 60_000).toISOString(),
      title: '明传电报：防汛紧急通知',
      sender: '省防汛抗旱指挥部',
      kind: 'TELEGRAM',
    });
  });
});
