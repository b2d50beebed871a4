import { defaultDeadlinePolicy as policy } from './deadline-policy';
import { transferredCallFeedbackDueAt, transferredCallSourceType } from './transferred-call.rule';

const at = new Date('2026-11-20T07:00:00Z');

describe(transferredCallFeedbackDueAt.name, () => {
  it('counts calendar days, so a weekend does not stretch the 5 days (spec supervision §17 C-4, RV-9)', () => {
    expect(transferredCallFeedbackDueAt(at, 'GENERAL', policy)).toEqual(new Date('2026-11-25T07:00:00Z'));
  });
  it('takes the day counts from configuration [config]', () => {
    const due = transferredCallFeedbackDueAt(at, 'IMPORTANT_OR_MULTI', { ...policy, feedbackImportantDays: 7 });
    expect(due).toEqual(new Date('2026-11-27T07:00:00Z'));
  });
});

describe(transferredCallSourceType.name, () => {
  it.each([
    ['DIRECT_LINE', 'PUBLIC_CALL'],
    ['MAYOR_PUBLIC_LINE', 'PUBLIC_CALL'],
    ['POVERTY_HOTLINE', 'PUBLIC_CALL'],
    ['HEAD_HOTLINE', 'PETITION'],
    ['SPECIAL_LINE', 'PETITION'],
  ])('files a call on %s as %s (spec supervision §4.1)', (line, type) => {
    expect(transferredCallSourceType(line)).toBe(type);
  });
});
