import { CreditError, rejectInvalid } from './credit-error';

/** 风险补偿资金池 ledger entry kinds (spec credit §13.3, R13.7). */
export type FundTransactionType = 'CAPITAL_IN' | 'COMPENSATION_OUT' | 'RECOVERY_IN' | 'INTEREST_IN' | 'ADJUSTMENT';

/**
 * Accounts of the fund's books. FUND_CASH is the money actually in the pool; every other account is the
 * counter-side that explains where cash came from or went to.
 */
export type FundAccount =
  'FUND_CASH' | 'DISTRICT_CAPITAL' | 'LOSS_COMPENSATION' | 'LOSS_RECOVERY' | 'INTEREST_INCOME' | 'ADJUSTMENT';

export interface Posting {
  account: FundAccount;
  debitFen: number;
  creditFen: number;
}

/**
 * 风险补偿资金池流水 — one immutable ledger entry. `seq` orders the ledger without gaps; `balanceAfterFen` is
 * the fund cash after this entry, so the balance is read from the last entry and checked by replaying all.
 */
export interface RiskFundTransaction {
  id: string;
  seq: number;
  type: FundTransactionType;
  /** Positive fen; only an ADJUSTMENT may be negative (money taken out of the pool). */
  amountFen: number;
  loanId?: string;
  lossCaseId?: string;
  /** Who authorised the movement: a person's id or the approving document's number. */
  approvedBy: string;
  reason?: string;
  postings: Posting[];
  balanceAfterFen: number;
  recordedBy: string;
  recordedAt: Date;
}

export interface FundTransactionInput {
  id: string;
  type: FundTransactionType;
  amountFen: number;
  loanId?: string;
  lossCaseId?: string;
  approvedBy: string;
  reason?: string;
}

const counterAccount: Record<FundTransactionType, FundAccount> = {
  CAPITAL_IN: 'DISTRICT_CAPITAL',
  COMPENSATION_OUT: 'LOSS_COMPENSATION',
  RECOVERY_IN: 'LOSS_RECOVERY',
  INTEREST_IN: 'INTEREST_INCOME',
  ADJUSTMENT: 'ADJUSTMENT',
};

/** Signed change of fund cash: compensation leaves the pool, everything else enters it (adjustments either way). */
export const cashDeltaFen = (type: FundTransactionType, amountFen: number): number =>
  type === 'COMPENSATION_OUT' ? -amountFen : amountFen;

/** The two legs of an entry: fund cash against the counter account, debits equal to credits. */
export function postingsFor(type: FundTransactionType, amountFen: number): Posting[] {
  const delta = cashDeltaFen(type, amountFen);
  const cash = { account: 'FUND_CASH' as const, debitFen: Math.max(delta, 0), creditFen: Math.max(-delta, 0) };
  return [cash, { account: counterAccount[type], debitFen: cash.creditFen, creditFen: cash.debitFen }];
}

function validate(i: FundTransactionInput): void {
  const v: { field: string; message: string }[] = [];
  if (!Number.isSafeInteger(i.amountFen)) v.push({ field: 'amountFen', message: 'must be a whole number of fen' });
  else if (i.type === 'ADJUSTMENT' ? i.amountFen === 0 : i.amountFen <= 0)
    v.push({ field: 'amountFen', message: i.type === 'ADJUSTMENT' ? 'must not be zero' : 'must be positive' });
  if (!i.approvedBy?.trim()) v.push({ field: 'approvedBy', message: 'required' });
  if ((i.type === 'COMPENSATION_OUT' || i.type === 'RECOVERY_IN') && !i.lossCaseId)
    v.push({ field: 'lossCaseId', message: `required for ${i.type}` });
  if (i.type === 'ADJUSTMENT' && !i.reason?.trim()) v.push({ field: 'reason', message: 'required for ADJUSTMENT' });
  rejectInvalid(v);
}

/**
 * The entry that follows `prev` (undefined for the first). Refuses RISK_FUND_INSUFFICIENT when the pool would go
 * below zero: compensation is paid only out of money the fund holds.
 */
export function nextTransaction(
  prev: Pick<RiskFundTransaction, 'seq' | 'balanceAfterFen'> | undefined,
  input: FundTransactionInput,
  by: { recordedBy: string; at: Date },
): RiskFundTransaction {
  validate(input);
  const before = prev?.balanceAfterFen ?? 0;
  const after = before + cashDeltaFen(input.type, input.amountFen);
  if (after < 0)
    throw new CreditError(
      'RISK_FUND_INSUFFICIENT',
      `the risk compensation fund holds ${before} fen; ${input.type} of ${Math.abs(input.amountFen)} fen would overdraw it`,
    );
  return {
    ...input,
    seq: (prev?.seq ?? 0) + 1,
    postings: postingsFor(input.type, input.amountFen),
    balanceAfterFen: after,
    recordedBy: by.recordedBy,
    recordedAt: by.at,
  };
}

/** Whether a stored entry is the one this request would write (a retry), not another movement under its id. */
export const sameMovement = (t: RiskFundTransaction, i: FundTransactionInput): boolean =>
  t.type === i.type &&
  t.amountFen === i.amountFen &&
  (t.loanId ?? '') === (i.loanId ?? '') &&
  (t.lossCaseId ?? '') === (i.lossCaseId ?? '');

/**
 * The fund cash derived from the ledger alone, checking that the entries form an unbroken sequence, that each
 * entry balances, and that each recorded balance matches the replay. Throws on any break: the books are wrong.
 */
export function replayBalance(ledger: RiskFundTransaction[]): number {
  let balance = 0;
  ledger.forEach((t, i) => {
    if (t.seq !== i + 1) throw new Error(`risk fund ledger: entry ${t.id} has seq ${t.seq}, expected ${i + 1}`);
    const debits = t.postings.reduce((s, p) => s + p.debitFen, 0);
    const credits = t.postings.reduce((s, p) => s + p.creditFen, 0);
    if (debits !== credits) throw new Error(`risk fund ledger: entry ${t.id} does not balance`);
    balance += t.postings.filter((p) => p.account === 'FUND_CASH').reduce((s, p) => s + p.debitFen - p.creditFen, 0);
    if (balance !== t.balanceAfterFen)
      throw new Error(`risk fund ledger: entry ${t.id} records ${t.balanceAfterFen}, replay gives ${balance}`);
  });
  return balance;
}
