import { eventTypes, supervisionEventsV1, supervisionV1 } from '@gov/contracts';
import { MalformedEventError, type InboundEvent } from '@gov/platform';
import type { FinishedItem } from '../../app/supervision-verdicts';
import { supervisionEventHandlers } from './supervision-events.consumer';

const event = (type: string, payload: Uint8Array, time = '2026-11-20T02:00:00.000Z'): InboundEvent =>
  ({
    id: 'e1',
    type,
    source: '/gov/supervision',
    time,
    payload: Buffer.from(payload),
    topic: 't',
    partition: 0,
    offset: '0',
  }) as InboundEvent;

describe(supervisionEventHandlers.name, () => {
  const seen: FinishedItem[] = [];
  const handlers = supervisionEventHandlers(async (item) => {
    seen.push(item);
    return 'UNCHANGED';
  });
  beforeEach(() => (seen.length = 0));

  it('hands a completed item to the use case with its source by name (spec duty §16.2)', async () => {
    const payload = supervisionEventsV1.ItemCompleted.encode({
      itemId: 'duty-call-c1',
      ledgerNo: 'DC-2026-00001',
      sourceType: supervisionV1.SourceType.SOURCE_TYPE_PETITION,
      sourceSystem: 'duty',
      sourceId: 'c1',
      outcome: '',
      at: '2026-11-21T03:00:00.000Z',
    }).finish();
    await handlers[eventTypes.supervisionItemCompleted]!(event(eventTypes.supervisionItemCompleted, payload));
    expect(seen).toEqual([
      {
        itemId: 'duty-call-c1',
        sourceSystem: 'duty',
        sourceType: 'PETITION',
        sourceId: 'c1',
        outcome: '',
        via: 'COMPLETED',
        at: new Date('2026-11-21T03:00:00.000Z'),
      },
    ]);
  });

  it('takes the event time when a closed item carries none', async () => {
    const payload = supervisionEventsV1.ItemClosed.encode({
      itemId: 'i1',
      ledgerNo: '',
      sourceType: supervisionV1.SourceType.SOURCE_TYPE_EMERGENCY_FOLLOWUP,
      sourceSystem: 'duty',
      sourceId: 'ins-1',
      outcome: 'CANCELLED',
      at: '',
    }).finish();
    await handlers[eventTypes.supervisionItemClosed]!(event(eventTypes.supervisionItemClosed, payload));
    expect(seen[0]).toMatchObject({ via: 'CLOSED', outcome: 'CANCELLED', at: new Date('2026-11-20T02:00:00.000Z') });
  });

  it('parks what does not decode or has no item id', async () => {
    const h = handlers[eventTypes.supervisionItemClosed]!;
    await expect(h(event(eventTypes.supervisionItemClosed, Buffer.from([0xff, 0xff, 0xff])))).rejects.toBeInstanceOf(
      MalformedEventError,
    );
    const noId = supervisionEventsV1.ItemClosed.encode({
      itemId: '',
      ledgerNo: '',
      sourceType: 0,
      sourceSystem: 'duty',
      sourceId: 'x',
      outcome: '',
      at: '',
    }).finish();
    await expect(h(event(eventTypes.supervisionItemClosed, noId))).rejects.toBeInstanceOf(MalformedEventError);
    expect(seen).toEqual([]);
  });
});
