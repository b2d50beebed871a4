import {
  addRecovery,
  assertPayable,
  closeCase,
  confirmShare,
  markCompensated,
  splitRecovery,
  type LossRecovery,
  type SettledLossCase,
} from './loss-case';
import { defaultLendingPolicy } from './policy';
import { allocateLoss } from './risk';

const at = new Date('2026-05-01T02:00:00Z');
const center = { actorId: 'center-1', role: 'CENTER_STAFF' };

/** An allocated case of `lossBaseFen`, split by the default 30/20/50 policy. */
function lossCase(lossBaseFen = 5_000_001, o: Partial<SettledLossCase> = {}): SettledLossCase {
  const s = allocateLoss(lossBaseFen, defaultLendingPolicy);
  return {
    id: 'lc-1',
    loanId: 'ln-1',
    creditLineId: 'cl-1',
    householdId: 'hh-1',
    lossBaseFen,
    govShareFen: s.gov,
    bankShareFen: s.bank,
    insurerShareFen: s.insurer,
    ratiosBp: { gov: 3000, bank: 2000, insurer: 5000 },
    status: 'ALLOCATED',
    triggeredAt: at,
    recoveries: [],
    recoveriesFen: 0,
    history: [{ step: 'ALLOCATED', ...center, at }],
    ...o,
  };
}

const confirmedBoth = (c: SettledLossCase) => {
  const b = confirmShare(
    c,
    'BANK',
    { amountFen: c.bankShareFen, reference: 'B-1' },
    { actorId: 'bank-1', role: 'BANK_OFFICER' },
    at,
  );
  return confirmShare(
    b.next,
    'INSURER',
    { amountFen: c.insurerShareFen, reference: 'I-1' },
    { actorId: 'ins-1', role: 'INSURER_OFFICER' },
    at,
  ).next;
};
const paid = (c: SettledLossCase) =>
  markCompensated(
    confirmedBoth(c),
    {
      fundTransactionId: 'rft-2',
      amountFen: c.govShareFen,
      fundBalanceAfterFen: 1,
      approvedBy: 'center-1',
      paidAt: at,
    },
    center,
  );

/** Records recoveries one after another, as the use case does. */
function recoverAll(c: SettledLossCase, amounts: number[]) {
  return amounts.reduce((cur, amountFen, i) => {
    const split = splitRecovery(cur, amountFen);
    const r: LossRecovery = {
      id: `lr-${i}`,
      reference: `R-${i}`,
      amountFen,
      govFen: split.gov,
      bankFen: split.bank,
      insurerFen: split.insurer,
      recordedBy: 'center-1',
      recordedAt: at,
    };
    return addRecovery(cur, r, center);
  }, c);
}
const totals = (c: SettledLossCase) => ({
  gov: c.recoveries.reduce((s, r) => s + r.govFen, 0),
  bank: c.recoveries.reduce((s, r) => s + r.bankFen, 0),
  insurer: c.recoveries.reduce((s, r) => s + r.insurerFen, 0),
});

describe(confirmShare.name, () => {
  it('records the insurer and bank confirmations with actor and time (spec credit §15 R15.4)', () => {
    const c = confirmedBoth(lossCase());
    expect(c.bankConfirmation).toEqual({
      amountFen: 1_000_000,
      reference: 'B-1',
      confirmedBy: 'bank-1',
      confirmedAt: at,
    });
    expect(c.insurerConfirmation).toMatchObject({ amountFen: 2_500_001, confirmedBy: 'ins-1' });
    expect(c.history.map((h) => [h.step, h.actorId])).toEqual([
      ['ALLOCATED', 'center-1'],
      ['BANK_CONFIRMED', 'bank-1'],
      ['INSURER_CONFIRMED', 'ins-1'],
    ]);
  });

  it('refuses a confirmation that is not the allocated share to the fen with LOSS_SHARE_MISMATCH (spec credit §13.2)', () => {
    expect(() => confirmShare(lossCase(), 'INSURER', { amountFen: 2_500_000, reference: 'I-1' }, center, at)).toThrow(
      expect.objectContaining({ code: 'LOSS_SHARE_MISMATCH' }),
    );
  });

  it('treats a repeated confirmation as done, changing nothing', () => {
    const c = confirmedBoth(lossCase());
    const again = confirmShare(c, 'BANK', { amountFen: 1_000_000, reference: 'B-1' }, center, at);
    expect(again).toMatchObject({ changed: false, next: c });
  });

  it('refuses a second, different confirmation of a share already confirmed (spec credit §15 R15.4)', () => {
    const c = confirmedBoth(lossCase());
    expect(() => confirmShare(c, 'BANK', { amountFen: 1_000_000, reference: 'B-2' }, center, at)).toThrow(
      expect.objectContaining({ code: 'ALREADY_DECIDED' }) as Error,
    );
  });
});

describe(markCompensated.name, () => {
  it('pays the fund share only after both bank and insurer confirmed (spec credit §15 R15.4)', () => {
    const bankOnly = confirmShare(lossCase(), 'BANK', { amountFen: 1_000_000, reference: 'B' }, center, at).next;
    expect(() => assertPayable(bankOnly)).toThrow(
      expect.objectContaining({ code: 'LOSS_CASE_WRONG_STATE', message: expect.stringContaining('insurer') }),
    );
    const c = paid(lossCase());
    expect(c.status).toBe('PAID');
    expect(c.history.at(-1)).toMatchObject({ step: 'COMPENSATION_PAID', actorId: 'center-1', at });
    expect(() => assertPayable(c)).toThrow(expect.objectContaining({ code: 'LOSS_CASE_WRONG_STATE' }));
  });
});

describe(splitRecovery.name, () => {
  it('splits a recovery 30/20/50 to the fen, the three parts summing to the recovery (spec credit §13.2)', () => {
    const c = paid(lossCase(1_000_000));
    expect(splitRecovery(c, 100_001)).toEqual({ gov: 30_000, insurer: 50_001, bank: 20_000 });
  });

  it('hands back exactly the allocated shares when the whole loss is recovered, in one piece or many (spec credit §13.2)', () => {
    const c = paid(lossCase(5_000_001));
    const shares = { gov: c.govShareFen, bank: c.bankShareFen, insurer: c.insurerShareFen };
    expect(totals(recoverAll(c, [5_000_001]))).toEqual(shares);
    const pieces = recoverAll(c, [1_234_567, 1, 3, 999_999, 2_765_431]);
    expect(totals(pieces)).toEqual(shares);
    expect(pieces).toMatchObject({ status: 'CLOSED', closeReason: 'FULLY_RECOVERED', recoveriesFen: 5_000_001 });
  });

  it('never gives a party a negative part and always reconciles, even for fen-sized recoveries (spec credit §13.2)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 200; k++) {
      const base = 1 + rnd(k % 2 === 0 ? 60 : 50_000);
      const amounts: number[] = [];
      for (let left = base; left > 0;) {
        const a = Math.min(left, 1 + rnd(k % 2 === 0 ? 3 : 5_000));
        amounts.push(a);
        left -= a;
      }
      const c = recoverAll(paid(lossCase(base)), amounts);
      for (const r of c.recoveries) {
        expect(r.govFen + r.bankFen + r.insurerFen).toBe(r.amountFen);
        expect(Math.min(r.govFen, r.bankFen, r.insurerFen)).toBeGreaterThanOrEqual(0);
      }
      const t = totals(c);
      expect(t.gov + t.bank + t.insurer).toBe(base);
      expect(Math.abs(t.gov - c.govShareFen)).toBeLessThanOrEqual(1);
      expect(Math.abs(t.insurer - c.insurerShareFen)).toBeLessThanOrEqual(1);
    }
  });

  it('gives the bank 0, not -1, when both roundings land on one fen, and the running totals repay it (spec credit §13.2)', () => {
    const c = recoverAll(paid(lossCase(10)), [4, 1]);
    expect(c.recoveries.map((r) => [r.govFen, r.bankFen, r.insurerFen])).toEqual([
      [1, 1, 2],
      [1, 0, 0],
    ]);
    expect(totals(recoverAll(c, [5]))).toEqual({ gov: 3, bank: 2, insurer: 5 });
  });

  it('is deterministic: the same case and amount always split the same way (spec credit §13.2)', () => {
    const c = recoverAll(paid(lossCase(777_777)), [11_111]);
    expect(splitRecovery(c, 22_222)).toEqual(splitRecovery(structuredClone(c), 22_222));
  });

  it('refuses recoveries before payout and beyond the loss base (spec credit §15 R15.4)', () => {
    expect(() => splitRecovery(confirmedBoth(lossCase()), 100)).toThrow(
      expect.objectContaining({ code: 'LOSS_CASE_WRONG_STATE' }),
    );
    const c = recoverAll(paid(lossCase(1_000)), [900]);
    expect(() => splitRecovery(c, 101)).toThrow(expect.objectContaining({ code: 'RECOVERY_EXCEEDS_LOSS' }));
    expect(() => splitRecovery(c, 0)).toThrow(expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }));
  });
});

describe(closeCase.name, () => {
  it('closes a paid case with a reason and logs who closed it (spec credit §15 R15.4)', () => {
    const c = closeCase(paid(lossCase()), 'collection exhausted', center, at);
    expect(c).toMatchObject({ status: 'CLOSED', closeReason: 'collection exhausted' });
    expect(c.history.at(-1)).toMatchObject({ step: 'CLOSED', actorId: 'center-1' });
    expect(() => splitRecovery(c, 1)).toThrow(expect.objectContaining({ code: 'LOSS_CASE_WRONG_STATE' }));
    expect(() => closeCase(lossCase(), 'x', center, at)).toThrow(
      expect.objectContaining({ code: 'LOSS_CASE_WRONG_STATE' }),
    );
  });
});
