import { createOpenItemFromTransferredCall, type TransferredCall } from './open-item-from-transferred-call';
import { registrationSetup } from './supervision.fixtures';

const transferredAt = new Date('2026-11-20T07:00:00Z'); // Friday 15:00 Shanghai
const call = (o: Partial<TransferredCall> = {}): TransferredCall => ({
  callId: 'call-9',
  line: 'DIRECT_LINE',
  category: 'LIVELIHOOD_PROBLEM',
  unitId: 'town-a',
  instruction: '请城关镇核实处理并答复来电人',
  transferredAt,
  importance: 'GENERAL',
  ...o,
});

describe(createOpenItemFromTransferredCall.name, () => {
  const setup = () => {
    const s = registrationSetup();
    return { items: s.items, open: createOpenItemFromTransferredCall({ ...s.office, policy: s.policy }) };
  };

  it('opens a PUBLIC_CALL item for the unit with feedback due 5 days after the transfer (spec supervision §16.2, RV-9, §18 scenario 7)', async () => {
    const { items, open } = setup();
    expect(await open(call())).toBe('opened');
    expect(items.all).toEqual([
      expect.objectContaining({
        id: 'duty-call-call-9',
        sourceType: 'PUBLIC_CALL',
        sourceSystem: 'duty',
        sourceId: 'call-9',
        leadUnitId: 'town-a',
        supervisingUnitId: 'gov-office/supervision',
        deadlineRule: 'SOURCE_RULE',
        dueAt: new Date('2026-11-25T07:00:00Z'),
      }),
    ]);
  });
  it('gives an important or multi-department matter 10 days (spec supervision RV-9, §18 scenario 7)', async () => {
    const { items, open } = setup();
    await open(call({ importance: 'IMPORTANT_OR_MULTI' }));
    expect(items.all[0]!.dueAt).toEqual(new Date('2026-11-30T07:00:00Z'));
  });
  it('makes a call on the 区长热线 a PETITION item (spec supervision §4.1 PETITION channels)', async () => {
    const { items, open } = setup();
    await open(call({ line: 'HEAD_HOTLINE' }));
    expect(items.all[0]!.sourceType).toBe('PETITION');
  });
  it('opens nothing new when the same transfer arrives again', async () => {
    const { items, open } = setup();
    await open(call());
    expect(await open(call())).toBe('exists');
    expect(items.all).toHaveLength(1);
    expect(items.events).toBe(1);
  });
});
