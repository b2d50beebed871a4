import { approvePayment, markPaid, openPayment, pastSla, type SubsidyPayment } from './subsidy-payment';

const period = (amountFen: number) => ({
  id: 'sb-1',
  periodStart: '2026-01-01',
  periodEnd: '2026-04-01',
  eligiblePrincipalFen: 5_000_000,
  amountFen,
});
const acceptedAt = new Date('2026-04-03T02:00:00Z');
const opened = (): SubsidyPayment =>
  openPayment(
    'sp-1',
    period(52_514),
    { id: 'ln-1', bankLoanNo: 'B-1' },
    { type: 'ENTITY', id: 'en-1' },
    acceptedAt,
    30,
  )!;

describe('subsidy payments (spec credit §12 R12.4-R12.5)', () => {
  it('R12.4: an accrued period with money due opens a payment due 30 days after the statement was accepted', () => {
    expect(opened()).toMatchObject({
      status: 'ACCRUED',
      amountFen: 52_514,
      borrowerType: 'ENTITY',
      dueAt: new Date('2026-05-03T02:00:00Z'),
    });
    expect(
      openPayment('sp-0', period(0), { id: 'ln-1', bankLoanNo: 'B-1' }, { type: 'ENTITY', id: 'e' }, acceptedAt, 30),
    ).toBeUndefined();
  });

  it('R12.4: is paid only after verification, to the configured payee; a second approval changes nothing', () => {
    const at = new Date('2026-04-10T00:00:00Z');
    expect(() => markPaid(opened(), { paymentRef: 'T-1', by: 'c', at })).toThrow(
      expect.objectContaining({ code: 'SUBSIDY_PAYMENT_NOT_APPROVED' }),
    );
    const approved = approvePayment(opened(), { payee: 'BANK', by: 'center', at })!;
    expect(approved).toMatchObject({ status: 'APPROVED', payee: 'BANK', approvedBy: 'center' });
    expect(approvePayment(approved, { payee: 'BORROWER', by: 'other', at })).toBeUndefined();
  });

  it('R12.5: one transfer per payment — the same reference again is a no-op, another is SUBSIDY_ALREADY_PAID', () => {
    const at = new Date('2026-04-10T00:00:00Z');
    const paid = markPaid(approvePayment(opened(), { payee: 'BORROWER', by: 'c', at })!, {
      paymentRef: 'T-1',
      by: 'c',
      at,
    })!;
    expect(paid).toMatchObject({ status: 'PAID', paymentRef: 'T-1' });
    expect(markPaid(paid, { paymentRef: 'T-1', by: 'c', at })).toBeUndefined();
    expect(() => markPaid(paid, { paymentRef: 'T-2', by: 'c', at })).toThrow(
      expect.objectContaining({ code: 'SUBSIDY_ALREADY_PAID' }),
    );
  });

  it('R12.4: is late only once the due instant has passed and while unpaid', () => {
    const p = opened();
    expect(pastSla(p, new Date('2026-05-03T02:00:00Z'))).toBe(false);
    expect(pastSla(p, new Date('2026-05-03T02:00:01Z'))).toBe(true);
    expect(pastSla({ ...p, status: 'PAID' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
