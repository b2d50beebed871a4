import {
  allowedActions,
  answerCall,
  draftSlip,
  instructSlip,
  receiveCall,
  receiveFeedback,
  redirectCall,
  replyCall,
  transferCall,
  type CallInput,
} from './call';

const t0 = new Date('2024-11-18T02:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);
const input = (o: Partial<CallInput> = {}): CallInput => ({
  line: 'DIRECT_LINE',
  channel: 'PHONE',
  callerName: '张三',
  callerPhone: '13900000000',
  category: 'LIVELIHOOD_PROBLEM',
  content: '小区供水中断三天',
  ...o,
});
const received = (o: Partial<CallInput> = {}) => receiveCall('c1', input(o), 'op1', t0).next;

describe('receiveCall', () => {
  it('emits call.received with the scope of the category (spec duty §8.4, §16.1)', () => {
    const t = receiveCall('c1', input(), 'op1', t0);
    expect(t.next.status).toBe('RECEIVED');
    expect(t.events).toEqual([expect.objectContaining({ type: 'call.received', callId: 'c1', inScope: true })]);
  });

  it('refuses an unknown line or category with DESK_INPUT_INVALID (spec duty §8.1, §8.2)', () => {
    expect(() => received({ line: 'HOTLINE_12345' })).toThrow(expect.objectContaining({ code: 'DESK_INPUT_INVALID' }));
    expect(() => received({ category: 'GOSSIP' })).toThrow(expect.objectContaining({ code: 'DESK_INPUT_INVALID' }));
  });
});

describe('call scope', () => {
  it('allows only REDIRECTED for a complaint about a court judgment (spec duty §8.2, §19 scenario 9)', () => {
    const c = received({ category: 'ABOUT_COURT', content: '对法院判决不服' });
    expect(allowedActions(c)).toEqual(['REDIRECT']);
    expect(() => answerCall(c, '已答复', later(1))).toThrow(expect.objectContaining({ code: 'CALL_OUT_OF_SCOPE' }));
    expect(() => draftSlip(c, '拟转法院', 'l1', later(1))).toThrow(
      expect.objectContaining({ code: 'CALL_OUT_OF_SCOPE' }),
    );
    const r = redirectCall(c, '已劝其向法院反映', later(2)).next;
    expect(r).toMatchObject({ status: 'CLOSED', outcome: 'REDIRECTED_OTHER_ORGAN' });
  });

  it('redirects letters and visits to the petition department (spec duty §8.2 REDIRECTED_PETITION)', () => {
    expect(redirectCall(received({ category: 'LETTERS_AND_VISITS' }), '', later(1)).next.outcome).toBe(
      'REDIRECTED_PETITION',
    );
  });

  it('does not redirect an accepted matter (spec duty §8.2)', () => {
    expect(() => redirectCall(received(), '', later(1))).toThrow(expect.objectContaining({ code: 'CALL_IN_SCOPE' }));
  });

  it('answers an accepted matter within authority directly and closes it (spec duty §7 DK-2, §8.4)', () => {
    const c = answerCall(received({ category: 'CONSULTATION' }), '办事指南已告知', later(3)).next;
    expect(c).toMatchObject({ status: 'CLOSED', outcome: 'ANSWERED' });
    expect(allowedActions(c)).toEqual([]);
  });
});

describe('handling slip', () => {
  it('cannot answer a call on a 来电处理笺 before the leader instruction (spec duty §7 DK-2, §19 scenario 10)', () => {
    const slip = draftSlip(received(), '建议转水务局办理', 'l1', later(5)).next;
    expect(slip).toMatchObject({ status: 'SLIP_WITH_LEADER', slip: { kind: 'CALL', leaderId: 'l1' } });
    expect(allowedActions(slip)).toEqual(['INSTRUCT']);
    expect(() => replyCall(slip, '已处理', later(6))).toThrow(
      expect.objectContaining({ code: 'CALL_NEEDS_INSTRUCTION' }),
    );
    const instructed = instructSlip(slip, '请水务局今日内恢复供水', later(30)).next;
    const replied = replyCall(instructed, '已按领导批示转办', later(40)).next;
    expect(replied).toMatchObject({
      status: 'CLOSED',
      outcome: 'REPLIED',
      slip: { instruction: '请水务局今日内恢复供水' },
    });
  });

  it('makes a 来访处理笺 for a visit (spec duty §2 来访处理笺)', () => {
    expect(draftSlip(received({ channel: 'VISIT' }), '建议', 'l1', later(1)).next.slip?.kind).toBe('VISIT');
  });

  it('transfers to a unit only after the instruction and emits call.transferred (spec duty §8.4)', () => {
    const slip = draftSlip(received(), '建议转办', 'l1', later(5)).next;
    expect(() => transferCall(slip, 'water-bureau', later(6))).toThrow(
      expect.objectContaining({ code: 'CALL_NEEDS_INSTRUCTION' }),
    );
    const t = transferCall(instructSlip(slip, '转水务局', later(10)).next, 'water-bureau', later(11));
    expect(t.next.status).toBe('TRANSFERRED');
    expect(t.events).toEqual([expect.objectContaining({ type: 'call.transferred', unitId: 'water-bureau' })]);
  });

  it('needs a proposal and a leader on the slip (spec duty §7 DK-2)', () => {
    expect(() => draftSlip(received(), '', 'l1', later(1))).toThrow(
      expect.objectContaining({ code: 'DESK_INPUT_INVALID' }),
    );
    expect(() => draftSlip(received(), '建议', ' ', later(1))).toThrow(
      expect.objectContaining({ code: 'DESK_INPUT_INVALID' }),
    );
  });
});

describe('transfer and supervision feedback', () => {
  const transferred = (weight?: { important: boolean; multiDepartment: boolean }) =>
    transferCall(
      instructSlip(draftSlip(received(), '建议转办', 'l1', later(5)).next, '转水务局', later(10)).next,
      'water-bureau',
      later(11),
      weight,
    );
  const verdict = { itemId: 'duty-call-c1', via: 'COMPLETED' as const, outcome: '', at: later(60) };

  it('carries the importance flags on call.transferred for the 10-day feedback rule (spec duty §8.4, 001 L59-60)', () => {
    expect(transferred().events[0]).toMatchObject({ important: false, multiDepartment: false });
    const t = transferred({ important: false, multiDepartment: true });
    expect(t.next).toMatchObject({ important: false, multiDepartment: true });
    expect(t.events[0]).toMatchObject({ type: 'call.transferred', multiDepartment: true });
  });

  it('moves a transferred call to FEEDBACK_RECEIVED, after which only the reply is allowed and closes it (spec duty §8.4)', () => {
    const t = receiveFeedback(transferred().next, verdict)!;
    expect(t.next).toMatchObject({ status: 'FEEDBACK_RECEIVED', supervision: verdict });
    expect(t.events).toEqual([]);
    expect(allowedActions(t.next)).toEqual(['REPLY']);
    expect(() => transferCall(t.next, 'other', later(70))).toThrow(expect.objectContaining({ code: 'CALL_STATE' }));
    expect(replyCall(t.next, '已办结', later(80)).next).toMatchObject({ status: 'CLOSED', outcome: 'REPLIED' });
  });

  it('changes nothing for a call that already has its feedback or was never transferred (spec duty §16.2)', () => {
    const fed = receiveFeedback(transferred().next, verdict)!.next;
    expect(receiveFeedback(fed, { ...verdict, via: 'CLOSED', outcome: 'COMPLETED_ON_TIME' })).toBeNull();
    expect(receiveFeedback(received(), verdict)).toBeNull();
  });
});
