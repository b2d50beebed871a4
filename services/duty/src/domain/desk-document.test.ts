import { defaultCalendar } from '@gov/platform/calendar';
import { defaultDeskPolicy } from './desk-policy';
import { forwardDocument, logDocument, registerDocument, sweepDocument, type DocumentInput } from './desk-document';

const at = (iso: string) => new Date(`${iso}+08:00`);
const input = (o: Partial<DocumentInput> = {}): DocumentInput => ({
  kind: 'FAX',
  addressedTo: 'GOVERNMENT',
  sender: '州应急管理局',
  title: '关于做好防汛工作的通知',
  urgency: 'NORMAL',
  receivedAt: at('2024-11-17T10:00:00'),
  ...o,
});
const ctx = (now: Date) => ({ loggedBy: 'o1', now, calendar: defaultCalendar, policy: defaultDeskPolicy });
const log = (o: Partial<DocumentInput> = {}) => {
  const i = input(o);
  return logDocument('d1', i, ctx(i.receivedAt));
};

describe('logDocument', () => {
  it('sends a fax to the government that arrives on a Sunday to the 综合股 and emits received_offhours (spec duty §7 DK-4, §19 scenario 7)', () => {
    const t = log();
    expect(t.next).toMatchObject({ offHours: true, status: 'WITH_GENERAL_SECTION' });
    expect(t.events.map((e) => e.type)).toEqual(['document.received_offhours']);
  });

  it('asks the 综合股 to register by 12:00 of the next working day (spec duty §7 DK-4 [inferred])', () => {
    expect(log().next.registerBy).toEqual(at('2024-11-18T12:00:00'));
    // National Day 2024: a fax on 10-03 waits until the first working day after the holiday (10-08)
    expect(log({ receivedAt: at('2024-10-03T15:00:00') }).next.registerBy).toEqual(at('2024-10-08T12:00:00'));
  });

  it('keeps a working-day document off the 综合股 list (spec duty §7 DK-4: 非工作日)', () => {
    const t = log({ receivedAt: at('2024-11-18T10:00:00') });
    expect(t.next).toMatchObject({ offHours: false, status: 'RECEIVED' });
    expect(t.events).toEqual([]);
  });

  it('arms the forward-to-leader warning at 45 and the limit at 60 minutes for a 特急件 (spec duty §7 DK-5, §19 scenario 8)', () => {
    const t = log({ urgency: 'EXTRA_URGENT', receivedAt: at('2024-11-18T21:10:00') });
    expect(t.next.forwardWarnAt).toEqual(at('2024-11-18T21:55:00'));
    expect(t.next.forwardDueAt).toEqual(at('2024-11-18T22:10:00'));
    expect(t.next.timerDueAt).toEqual(at('2024-11-18T21:55:00'));
    expect(t.events.map((e) => e.type)).toEqual(['urgent_document.received']);
  });

  it('takes both durations from the policy, not from constants (spec duty §7 DK-5 [config])', () => {
    const i = input({ urgency: 'URGENT', receivedAt: at('2024-11-18T21:10:00') });
    const t = logDocument('d1', i, {
      ...ctx(i.receivedAt),
      policy: { ...defaultDeskPolicy, urgentForwardWarnMin: 20, urgentForwardLimitMin: 30 },
    });
    expect(t.next.forwardWarnAt).toEqual(at('2024-11-18T21:30:00'));
    expect(t.next.forwardDueAt).toEqual(at('2024-11-18T21:40:00'));
  });

  it('refuses unknown kinds, blank titles and arrival times in the future with DESK_INPUT_INVALID', () => {
    expect(() => log({ kind: 'EMAIL' })).toThrow(expect.objectContaining({ code: 'DESK_INPUT_INVALID' }));
    expect(() => log({ title: ' ' })).toThrow(expect.objectContaining({ code: 'DESK_INPUT_INVALID' }));
    const i = input();
    expect(() => logDocument('d1', i, ctx(new Date(i.receivedAt.getTime() - 3600_000)))).toThrow(
      expect.objectContaining({ code: 'DESK_INPUT_INVALID' }),
    );
  });
});

describe('logDocument — what other services are told', () => {
  it('passes the marked 密级 and the sender org id on received_offhours, empty when unmarked (spec duty §7 DK-3, DK-4)', () => {
    const t = log({ secrecyLevel: 'SECRET', senderOrgId: 'zhou-emergency-bureau' });
    expect(t.next).toMatchObject({ secrecyLevel: 'SECRET', senderOrgId: 'zhou-emergency-bureau' });
    expect(t.events[0]).toMatchObject({ secrecyLevel: 'SECRET', senderOrgId: 'zhou-emergency-bureau' });
    expect(log().events[0]).toMatchObject({ secrecyLevel: '', senderOrgId: '' });
    expect(log().next).not.toHaveProperty('secrecyLevel');
  });

  it('refuses a secrecy level off the scale with DESK_INPUT_INVALID (spec duty §9.7 WR-3)', () => {
    expect(() => log({ secrecyLevel: 'HUSH' })).toThrow(expect.objectContaining({ code: 'DESK_INPUT_INVALID' }));
  });

  it('names the title, sender and kind on urgent_document.received (spec duty §7 DK-5, §16.1)', () => {
    const t = log({ urgency: 'EXTRA_URGENT', kind: 'TELEGRAM', receivedAt: at('2024-11-18T21:10:00') });
    expect(t.events).toEqual([
      expect.objectContaining({
        type: 'urgent_document.received',
        kind: 'TELEGRAM',
        title: '关于做好防汛工作的通知',
        sender: '州应急管理局',
      }),
    ]);
  });
});

describe('sweepDocument', () => {
  const urgent = () => log({ urgency: 'EXTRA_URGENT', receivedAt: at('2024-11-18T21:10:00') }).next;

  it('does nothing before 21:55, alerts at 21:55 and marks late at 22:10 when nobody forwarded it (spec duty §19 scenario 8)', () => {
    const d = urgent();
    expect(sweepDocument(d, at('2024-11-18T21:54:59'))).toBeUndefined();
    const warned = sweepDocument(d, at('2024-11-18T21:55:00'))!;
    expect(warned.events.map((e) => e.type)).toEqual(['urgent_document.forward_warning']);
    expect(warned.next).toMatchObject({ alertedAt: at('2024-11-18T21:55:00'), late: false });
    expect(warned.next.timerDueAt).toEqual(at('2024-11-18T22:10:00'));
    expect(sweepDocument(warned.next, at('2024-11-18T22:09:59'))).toBeUndefined();
    const late = sweepDocument(warned.next, at('2024-11-18T22:10:00'))!;
    expect(late.events.map((e) => e.type)).toEqual(['urgent_document.late']);
    expect(late.next.late).toBe(true);
    expect(late.next.timerDueAt).toBeUndefined();
  });

  it('stops the clock once the document is with a leader (spec duty §7 DK-5)', () => {
    const f = forwardDocument(urgent(), 'l1', at('2024-11-18T21:40:00')).next;
    expect(f).toMatchObject({ forwardedTo: 'l1', late: false });
    expect(sweepDocument(f, at('2024-11-18T23:00:00'))).toBeUndefined();
  });
});

describe('forwardDocument', () => {
  it('keeps a document forwarded after the limit marked late (spec duty §7 DK-5)', () => {
    const d = log({ urgency: 'URGENT', receivedAt: at('2024-11-18T21:10:00') }).next;
    expect(forwardDocument(d, 'l1', at('2024-11-18T22:11:00')).next.late).toBe(true);
  });

  it('refuses a second forward and a forward of an ordinary document with DOCUMENT_STATE', () => {
    const d = log({ urgency: 'URGENT' }).next;
    const f = forwardDocument(d, 'l1', at('2024-11-17T10:05:00')).next;
    expect(() => forwardDocument(f, 'l2', at('2024-11-17T10:06:00'))).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_STATE' }),
    );
    expect(() => forwardDocument(log().next, 'l1', at('2024-11-17T10:06:00'))).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_STATE' }),
    );
  });
});

describe('registerDocument', () => {
  it('takes an off-hours document off the 综合股 list once (spec duty §7 DK-4)', () => {
    const r = registerDocument(log().next, 'gs1', at('2024-11-18T09:00:00'));
    expect(r.next).toMatchObject({ status: 'REGISTERED', registeredBy: 'gs1' });
    expect(r.details).toEqual({ onTime: true });
    expect(() => registerDocument(r.next, 'gs1', at('2024-11-18T09:01:00'))).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_STATE' }),
    );
  });
});
