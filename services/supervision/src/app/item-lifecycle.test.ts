import type { Actor } from '@gov/platform/auth';
import { createAcceptFeedback } from './accept-feedback';
import { createCloseItem } from './close-item';
import { createItemCommand } from './item-command';
import { createOpenFollowUpFromDuty } from './open-follow-up-from-duty';
import { createReturnFeedback } from './return-feedback';
import { createSubmitFeedback } from './submit-feedback';
import { fakeIdempotency, registrationSetup } from './supervision.fixtures';

const actor = (role: string, orgUnitId: string): Actor => ({
  userId: `${role}-1`,
  name: role,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});
const principal = actor('UNIT_PRINCIPAL', 'emergency-bureau');
const supHead = actor('SUP_HEAD', 'gov-office/supervision');
const feedback = { progress: '排查完毕', result: '已整改', problems: '无', nextSteps: '', principalSignedBy: '' };

async function setup() {
  const { items, office } = registrationSetup();
  await createOpenFollowUpFromDuty(office)({
    instructionId: 'li-1',
    incidentId: 'inc-1',
    text: '三日内报结果',
    suggestedLeadUnit: 'emergency-bureau',
    dueAt: new Date('2026-11-23T02:00:00Z'),
    givenAt: new Date('2026-11-20T02:00:00Z'),
  });
  const run = createItemCommand({
    items,
    idempotency: fakeIdempotency(),
    clock: { now: () => new Date('2026-11-22T02:00:00Z') },
  });
  return {
    items,
    submit: createSubmitFeedback({ run }),
    accept: createAcceptFeedback({ run }),
    give: createReturnFeedback({ run }),
    close: createCloseItem({ run }),
  };
}
const id = 'duty-instruction-li-1';

describe('item lifecycle (spec supervision §9.1, FB-4, §16.1)', () => {
  it('announces completion and closure once each, with the duty source reference (§16.1 item.completed / .closed)', async () => {
    const s = await setup();
    await s.submit({ idempotencyKey: 'k1', id, feedback }, principal);
    await s.accept({ idempotencyKey: 'k2', id, comment: '' }, supHead);
    const closed = await s.close(
      { idempotencyKey: 'k3', id, leaderReport: '已报区长', cancellationReason: '' },
      supHead,
    );
    expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'COMPLETED_ON_TIME' });
    expect(s.items.published.map((e) => [e.type, e.item.sourceSystem, e.item.sourceId])).toEqual([
      ['ItemCompleted', 'duty', 'li-1'],
      ['ItemClosed', 'duty', 'li-1'],
    ]);
  });

  it('answers a retried acceptance with the completed item and publishes nothing more (idempotent under retry)', async () => {
    const s = await setup();
    await s.submit({ idempotencyKey: 'k1', id, feedback }, principal);
    const first = await s.accept({ idempotencyKey: 'k2', id, comment: '' }, supHead);
    const again = await s.accept({ idempotencyKey: 'k2', id, comment: '' }, supHead);
    expect(again).toEqual(first);
    expect(s.items.published).toHaveLength(1);
    // a different acceptance of the already completed item is refused, not repeated
    await expect(s.accept({ idempotencyKey: 'k9', id, comment: '' }, supHead)).rejects.toMatchObject({
      code: 'ITEM_STATE_INVALID',
    });
  });

  it('keeps a returned report off the wire: only acceptance tells the source system (FB-4)', async () => {
    const s = await setup();
    await s.submit({ idempotencyKey: 'k1', id, feedback }, principal);
    const back = await s.give({ idempotencyKey: 'k2', id, reason: '未附整改照片' }, supHead);
    expect(back.state).toBe('IN_PROGRESS');
    expect(s.items.published).toEqual([]);
  });

  it('refuses a closure that both reports and cancels, and an unknown item (CLOSURE_AMBIGUOUS, ITEM_NOT_FOUND)', async () => {
    const s = await setup();
    expect(() => s.close({ idempotencyKey: 'k', id, leaderReport: 'x', cancellationReason: 'y' }, supHead)).toThrow(
      expect.objectContaining({ code: 'CLOSURE_AMBIGUOUS' }),
    );
    await expect(s.accept({ idempotencyKey: 'k', id: 'nope', comment: '' }, supHead)).rejects.toMatchObject({
      code: 'ITEM_NOT_FOUND',
    });
  });
});
