import { nextTransaction, postingsFor, replayBalance, sameMovement, type FundTransactionInput } from './risk-fund';

const at = new Date('2026-03-01T02:00:00Z');
const by = { recordedBy: 'center-1', at };
const input = (o: Partial<FundTransactionInput> = {}): FundTransactionInput => ({
  id: 'rft-1',
  type: 'CAPITAL_IN',
  amountFen: 1_000_000_000,
  approvedBy: '三湖办〔2017〕33号',
  ...o,
});

/** Builds a ledger by appending each input after the previous entry. */
const ledgerOf = (inputs: FundTransactionInput[]) =>
  inputs.reduce<ReturnType<typeof nextTransaction>[]>(
    (l, i, n) => [...l, nextTransaction(l.at(-1), { ...i, id: `rft-${n + 1}` }, by)],
    [],
  );

describe(nextTransaction.name, () => {
  it('opens the fund with the 10,000,000 yuan district capital as CAPITAL_IN (spec credit §13.3 R13.3)', () => {
    const t = nextTransaction(undefined, input(), by);
    expect(t).toMatchObject({ seq: 1, balanceAfterFen: 1_000_000_000, recordedBy: 'center-1' });
  });

  it('posts every movement twice, fund cash against its counter account, debits equal to credits (spec credit §13.3 R13.7)', () => {
    expect(postingsFor('CAPITAL_IN', 500)).toEqual([
      { account: 'FUND_CASH', debitFen: 500, creditFen: 0 },
      { account: 'DISTRICT_CAPITAL', debitFen: 0, creditFen: 500 },
    ]);
    expect(postingsFor('COMPENSATION_OUT', 500)).toEqual([
      { account: 'FUND_CASH', debitFen: 0, creditFen: 500 },
      { account: 'LOSS_COMPENSATION', debitFen: 500, creditFen: 0 },
    ]);
    expect(postingsFor('ADJUSTMENT', -7)).toEqual([
      { account: 'FUND_CASH', debitFen: 0, creditFen: 7 },
      { account: 'ADJUSTMENT', debitFen: 7, creditFen: 0 },
    ]);
  });

  it('refuses a compensation the fund cannot cover with RISK_FUND_INSUFFICIENT (spec credit §13.3 R13.7)', () => {
    const [capital] = ledgerOf([input({ amountFen: 1_000 })]);
    expect(() =>
      nextTransaction(capital, input({ type: 'COMPENSATION_OUT', amountFen: 1_001, lossCaseId: 'lc-1' }), by),
    ).toThrow(expect.objectContaining({ code: 'RISK_FUND_INSUFFICIENT' }));
    expect(
      nextTransaction(capital, input({ type: 'COMPENSATION_OUT', amountFen: 1_000, lossCaseId: 'lc-1' }), by),
    ).toMatchObject({ seq: 2, balanceAfterFen: 0 });
  });

  it('rejects entries without an approver, a whole positive amount, a loss case for payouts or a reason for adjustments (spec credit §13.3 R13.7)', () => {
    const bad = (o: Partial<FundTransactionInput>) => () => nextTransaction(undefined, input(o), by);
    expect(bad({ approvedBy: ' ' })).toThrow(expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }));
    expect(bad({ amountFen: 0 })).toThrow(expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }));
    expect(bad({ amountFen: 10.5 })).toThrow(expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }));
    expect(bad({ type: 'RECOVERY_IN', amountFen: 5 })).toThrow(
      expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }),
    );
    expect(bad({ type: 'ADJUSTMENT', amountFen: 5 })).toThrow(
      expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }),
    );
  });
});

describe(replayBalance.name, () => {
  const ledger = ledgerOf([
    input(),
    input({ type: 'COMPENSATION_OUT', amountFen: 1_500_000, lossCaseId: 'lc-1', approvedBy: 'center-1' }),
    input({ type: 'RECOVERY_IN', amountFen: 300_001, lossCaseId: 'lc-1', approvedBy: 'center-1' }),
    input({ type: 'INTEREST_IN', amountFen: 12_345 }),
    input({ type: 'ADJUSTMENT', amountFen: -1, reason: 'bank charge' }),
  ]);

  it('derives the balance from the ledger alone and it equals the last recorded balance (spec credit §13.3 R13.7)', () => {
    expect(replayBalance(ledger)).toBe(1_000_000_000 - 1_500_000 + 300_001 + 12_345 - 1);
    expect(replayBalance(ledger)).toBe(ledger.at(-1)!.balanceAfterFen);
    expect(replayBalance([])).toBe(0);
  });

  it('detects a gap, an unbalanced entry or a tampered balance (spec credit §13.3 R13.7)', () => {
    expect(() => replayBalance([ledger[0]!, ledger[2]!])).toThrow(/seq/);
    const unbalanced = { ...ledger[1]!, postings: [ledger[1]!.postings[0]!] };
    expect(() => replayBalance([ledger[0]!, unbalanced])).toThrow(/balance/);
    expect(() => replayBalance([{ ...ledger[0]!, balanceAfterFen: 1 }])).toThrow(/replay/);
  });

  it('tells a retry of the same movement from a different movement under the same id', () => {
    expect(
      sameMovement(ledger[1]!, input({ type: 'COMPENSATION_OUT', amountFen: 1_500_000, lossCaseId: 'lc-1' })),
    ).toBe(true);
    expect(
      sameMovement(ledger[1]!, input({ type: 'COMPENSATION_OUT', amountFen: 1_500_001, lossCaseId: 'lc-1' })),
    ).toBe(false);
  });
});
