import { defaultCalendar } from '@gov/platform/calendar';
import { createOpenFollowUpFromDuty, type FollowUpRequired } from './open-follow-up-from-duty';
import { registrationSetup } from './supervision.fixtures';

const givenAt = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 Shanghai
const followUp = (o: Partial<FollowUpRequired> = {}): FollowUpRequired => ({
  instructionId: 'li-1',
  incidentId: 'inc-7',
  text: '各相关部门抓紧排查，三日内报结果',
  suggestedLeadUnit: 'district-emergency-bureau',
  dueAt: new Date('2026-11-23T02:00:00Z'),
  givenAt,
  ...o,
});

describe(createOpenFollowUpFromDuty.name, () => {
  const setup = () => {
    const s = registrationSetup();
    return { items: s.items, open: createOpenFollowUpFromDuty(s.office) };
  };

  it('opens an EMERGENCY_FOLLOWUP item of the 督查室 referring to the duty instruction (spec supervision §4.1, §16.2)', async () => {
    const { items, open } = setup();
    expect(await open(followUp())).toBe('opened');
    expect(items.all).toEqual([
      expect.objectContaining({
        id: 'duty-instruction-li-1',
        ledgerNo: 'DC-2026-00001',
        sourceType: 'EMERGENCY_FOLLOWUP',
        sourceSystem: 'duty',
        sourceId: 'li-1',
        supervisingUnitId: 'gov-office/supervision',
        leadUnitId: 'district-emergency-bureau',
        openedAt: givenAt,
      }),
    ]);
    expect(items.reasons[0]).toContain('inc-7');
  });
  it("takes the leader's time limit as the deadline (spec supervision §6.1 rule 1; duty §19 scenario 24)", async () => {
    const { items, open } = setup();
    await open(followUp());
    expect(items.all[0]).toMatchObject({ deadlineRule: 'EXPLICIT', dueAt: new Date('2026-11-23T02:00:00Z') });
    expect(items.all[0]!.urgency).toBe('EXTRA_URGENT');
  });
  it('falls back to 10 working days when the instruction set no limit (spec supervision §6.1 rule 3)', async () => {
    const { items, open } = setup();
    await open(followUp({ dueAt: undefined }));
    expect(items.all[0]).toMatchObject({
      deadlineRule: 'DEFAULT_WORKING_DAYS',
      dueAt: defaultCalendar.addWorkingDays(givenAt, 10).due,
    });
  });
  it('keeps the instruction text out of the title, which units see (spec supervision CF-1, RV-5)', async () => {
    const { items, open } = setup();
    await open(followUp());
    expect(items.all[0]!.title).not.toContain('排查');
    expect(items.all[0]!.instructionOriginal).toBe('各相关部门抓紧排查，三日内报结果');
  });
  it('opens nothing new when the same instruction arrives again, even under another event id', async () => {
    const { items, open } = setup();
    await open(followUp());
    expect(await open(followUp())).toBe('exists');
    expect(items.all).toHaveLength(1);
    expect(items.events).toBe(1);
  });
  it('leaves the lead unit open when the instruction named none', async () => {
    const { items, open } = setup();
    await open(followUp({ suggestedLeadUnit: '' }));
    expect(items.all[0]!.leadUnitId).toBeUndefined();
  });
});
