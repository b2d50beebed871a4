import type { Actor } from '@gov/platform/auth';
import {
  acceptFeedback,
  cancelItem,
  closeItem,
  completionOutcome,
  returnFeedback,
  submitFeedback,
  type FeedbackInput,
} from './feedback.rule';
import type { SupervisionItem } from './supervision-item';

const due = new Date('2026-11-30T09:00:00Z');
const anItem = (o: Partial<SupervisionItem> = {}): SupervisionItem => ({
  id: 'duty-instruction-li-1',
  ledgerNo: 'DC-2026-00001',
  sourceType: 'EMERGENCY_FOLLOWUP',
  sourceSystem: 'duty',
  sourceId: 'li-1',
  title: '突发事件领导批示落实',
  supervisingUnitId: 'gov-office/supervision',
  leadUnitId: 'emergency-bureau',
  state: 'REGISTERED',
  openedAt: new Date('2026-11-20T02:00:00Z'),
  dueAt: due,
  originalDueAt: due,
  deadlineRule: 'EXPLICIT',
  workingDays: 0,
  dueProvisional: false,
  urgency: 'URGENT',
  calendarVersion: 'test',
  ...o,
});
const actor = (role: string, orgUnitId: string, userId = `${role.toLowerCase()}-1`): Actor => ({
  userId,
  name: userId,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});
const principal = actor('UNIT_PRINCIPAL', 'emergency-bureau');
const handler = actor('UNIT_HANDLER', 'emergency-bureau');
const supHead = actor('SUP_HEAD', 'gov-office/supervision');
const report = (o: Partial<FeedbackInput> = {}): FeedbackInput => ({
  progress: '已完成全部排查',
  result: '隐患点3处均已整改',
  problems: '无',
  nextSteps: '',
  principalSignedBy: '',
  ...o,
});
const before = new Date('2026-11-25T02:00:00Z');
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('submitFeedback (spec supervision §8.1, §9.1)', () => {
  it('puts a principal-signed FINAL report under review (§9.1 IN_PROGRESS → FEEDBACK_SUBMITTED, FB-3)', () => {
    const next = submitFeedback(anItem(), report(), principal, before);
    expect(next.state).toBe('FEEDBACK_SUBMITTED');
    expect(next.feedback).toEqual([
      expect.objectContaining({ principalSignedBy: principal.userId, submittedAt: before }),
    ]);
  });

  it('refuses a report without progress, result or problems, naming each (FB-1, FB-2, RV-8)', () => {
    let err: { code?: string; violations?: { field: string }[] } = {};
    try {
      submitFeedback(anItem(), report({ result: ' ', problems: '' }), principal, before);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('FEEDBACK_INCOMPLETE');
    expect(err.violations?.map((v) => v.field)).toEqual(['result', 'problems']);
  });

  it('makes a handler name the principal who signed the report off (FB-3)', () => {
    expect(codeOf(() => submitFeedback(anItem(), report(), handler, before))).toBe('PRINCIPAL_SIGN_OFF_REQUIRED');
    const next = submitFeedback(anItem(), report({ principalSignedBy: 'chief-1' }), handler, before);
    expect(next.feedback![0]!.principalSignedBy).toBe('chief-1');
  });

  it('lets only the lead unit report, and only while the work is open (§3.2 own items, §9.1)', () => {
    expect(codeOf(() => submitFeedback(anItem(), report(), actor('UNIT_PRINCIPAL', 'water-bureau'), before))).toBe(
      'FEEDBACK_NOT_PERMITTED',
    );
    expect(codeOf(() => submitFeedback(anItem(), report(), supHead, before))).toBe('FEEDBACK_NOT_PERMITTED');
    expect(codeOf(() => submitFeedback(anItem({ leadUnitId: undefined }), report(), principal, before))).toBe(
      'LEAD_UNIT_NOT_ASSIGNED',
    );
    const submitted = submitFeedback(anItem(), report(), principal, before);
    expect(codeOf(() => submitFeedback(submitted, report(), principal, before))).toBe('ITEM_STATE_INVALID');
  });
});

describe('reviewing feedback (spec supervision FB-4, §3.2)', () => {
  const submitted = () => submitFeedback(anItem(), report(), principal, before);

  it('completes the item on acceptance by the supervising office (FB-4 ACCEPT → COMPLETED)', () => {
    const at = new Date('2026-11-26T02:00:00Z');
    const done = acceptFeedback(submitted(), '', supHead, at);
    expect(done).toMatchObject({ state: 'COMPLETED', completedAt: at });
    expect(done.feedback![0]).toMatchObject({ review: 'ACCEPTED', reviewedBy: supHead.userId });
  });

  it('sends a returned report back to IN_PROGRESS with its reason, and takes a new report after (FB-4 RETURN)', () => {
    const back = returnFeedback(submitted(), '未说明整改资金来源', actor('OFFICE_DEPUTY', 'gov-office'), before);
    expect(back.state).toBe('IN_PROGRESS');
    expect(back.feedback![0]).toMatchObject({ review: 'RETURNED', reviewComment: '未说明整改资金来源' });
    expect(submitFeedback(back, report(), principal, before).feedback).toHaveLength(2);
    expect(codeOf(() => returnFeedback(submitted(), ' ', supHead, before))).toBe('RETURN_REASON_REQUIRED');
  });

  it('refuses reviewers outside the supervising office, and units reviewing themselves (§3.2)', () => {
    expect(codeOf(() => acceptFeedback(submitted(), '', principal, before))).toBe('REVIEW_NOT_PERMITTED');
    expect(codeOf(() => acceptFeedback(submitted(), '', actor('SUP_HEAD', 'other-office'), before))).toBe(
      'REVIEW_NOT_PERMITTED',
    );
    expect(codeOf(() => acceptFeedback(anItem(), '', supHead, before))).toBe('ITEM_STATE_INVALID');
  });
});

describe('closing (spec supervision §9.1 outcomes, FB-5)', () => {
  const completedWith = (submittedAt: Date, o: Partial<SupervisionItem> = {}) =>
    acceptFeedback(submitFeedback(anItem(o), report(), principal, submittedAt), '', supHead, submittedAt);
  const extended = { dueAt: new Date('2026-12-07T09:00:00Z') };

  it.each([
    ['by the first deadline', due, {}, 'COMPLETED_ON_TIME'],
    [
      'after the first deadline but within the extension',
      new Date('2026-12-03T02:00:00Z'),
      extended,
      'COMPLETED_AFTER_EXTENSION',
    ],
    ['after the extended deadline', new Date('2026-12-08T02:00:00Z'), extended, 'COMPLETED_LATE'],
    ['late with no extension', new Date('2026-12-01T02:00:00Z'), {}, 'COMPLETED_LATE'],
  ] as const)('records the outcome of a report accepted %s (§9.1)', (_what, at, o, outcome) => {
    expect(completionOutcome(completedWith(at, o))).toBe(outcome);
    expect(closeItem(completedWith(at, o), '已书面报区长', supHead, at)).toMatchObject({ state: 'CLOSED', outcome });
  });

  it('closes only a completed item whose result was reported to the leader (§9.1 guard, FB-5)', () => {
    expect(codeOf(() => closeItem(completedWith(before), '', supHead, before))).toBe('LEADER_REPORT_REQUIRED');
    expect(codeOf(() => closeItem(anItem(), '已报', supHead, before))).toBe('ITEM_STATE_INVALID');
  });

  it('cancels an open item by a leader with a reason, outcome CANCELLED (§9.1 cancel, §3.2)', () => {
    const director = actor('OFFICE_DIRECTOR', 'gov-office');
    expect(cancelItem(anItem(), '事项已由上级统一部署', director, before)).toMatchObject({
      state: 'CANCELLED',
      outcome: 'CANCELLED',
    });
    expect(codeOf(() => cancelItem(anItem(), '重复', supHead, before))).toBe('CANCEL_NOT_PERMITTED');
    expect(codeOf(() => cancelItem(anItem(), '', director, before))).toBe('CANCELLATION_REASON_REQUIRED');
    expect(codeOf(() => cancelItem(completedWith(before), '重复', director, before))).toBe('ITEM_STATE_INVALID');
  });
});
