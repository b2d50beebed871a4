import { defaultCalendar } from '@gov/platform/calendar';
import { defaultDeadlinePolicy as policy } from './deadline-policy';
import { openItem, urgencyLabel } from './open-item.rule';

const now = new Date('2026-11-20T02:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86400000);
const flags = { manyApprovalSteps: false, needsConsultation: false };

describe(urgencyLabel.name, () => {
  it('labels work due within 3 days 特急 (spec supervision §6.2)', () => {
    expect(urgencyLabel(now, days(3), flags, policy)).toBe('EXTRA_URGENT');
  });
  it('labels work due within a week with many approval steps 特急 (spec supervision §6.2)', () => {
    expect(urgencyLabel(now, days(6), { ...flags, manyApprovalSteps: true }, policy)).toBe('EXTRA_URGENT');
  });
  it('labels work due within a week 急件 (spec supervision §6.2)', () => {
    expect(urgencyLabel(now, days(7), flags, policy)).toBe('URGENT');
  });
  it('labels two weeks needing consultation 急件 and without it normal (spec supervision §6.2)', () => {
    expect(urgencyLabel(now, days(14), { ...flags, needsConsultation: true }, policy)).toBe('URGENT');
    expect(urgencyLabel(now, days(14), flags, policy)).toBe('NORMAL');
  });
  it("never labels an item lower than its source's urgency", () => {
    expect(urgencyLabel(now, days(30), { ...flags, sourceUrgency: 'URGENT' }, policy)).toBe('URGENT');
  });
});

describe(openItem.name, () => {
  const ctx = { id: 'doc-1', ledgerNo: 'DC-2026-00001', now, policy, calendar: defaultCalendar };
  const src = {
    sourceType: 'DOCUMENT' as const,
    sourceSystem: 'document' as const,
    sourceId: 'd',
    title: 't',
    supervisingUnitId: 'office',
  };
  it('takes an explicit deadline first (spec supervision §6.1 rule 1)', () => {
    const item = openItem({ ...src, explicitDueAt: days(5), sourceLimitWorkingDays: 3 }, ctx);
    expect(item.deadlineRule).toBe('EXPLICIT');
    expect(item.dueAt).toEqual(days(5));
  });
  it('takes a fixed rule of the source type before any working-day count (spec supervision §6.1 rule 2)', () => {
    const item = openItem({ ...src, sourceRuleDueAt: days(5), sourceLimitWorkingDays: 3 }, ctx);
    expect(item).toMatchObject({ deadlineRule: 'SOURCE_RULE', dueAt: days(5), workingDays: 0 });
  });
  it("uses the source's working-day limit next (spec supervision §6.1 rule 2)", () => {
    const item = openItem({ ...src, sourceLimitWorkingDays: 3 }, ctx);
    expect(item.deadlineRule).toBe('SOURCE_LIMIT');
    expect(item.dueAt).toEqual(defaultCalendar.addWorkingDays(now, 3).due);
  });
  it('defaults to 10 working days when no limit is given (spec supervision §6.1 rule 3, 003 L556)', () => {
    const item = openItem({ ...src, sourceLimitWorkingDays: 0 }, ctx);
    expect(item.deadlineRule).toBe('DEFAULT_WORKING_DAYS');
    expect(item.workingDays).toBe(10);
    // Fri 2026-11-20 + 10 working days = Fri 2026-12-04, end of day Shanghai
    expect(item.dueAt.toISOString()).toBe('2026-12-04T15:59:59.999Z');
    expect(item.originalDueAt).toEqual(item.dueAt);
    expect(item.calendarVersion).toBe(defaultCalendar.version);
  });
  it('takes the default from configuration, not a constant [config]', () => {
    const item = openItem(
      { ...src, sourceLimitWorkingDays: 0 },
      { ...ctx, policy: { ...policy, defaultWorkingDays: 5 } },
    );
    expect(item.dueAt).toEqual(defaultCalendar.addWorkingDays(now, 5).due);
  });
});
