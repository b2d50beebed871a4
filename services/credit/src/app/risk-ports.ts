import type { ClaimPayout } from '../domain/insurance';
import type { ConfirmingParty, LossRecovery, SettledLossCase, ShareConfirmation } from '../domain/loss-case';
import type { RiskFundTransaction } from '../domain/risk-fund';
import type { AuditNote, Stored } from './ports';

/**
 * Events of the risk fund, loss-case settlement and claim payouts (spec credit §13.3, §14.3, §15.4). The Kafka
 * mapper (risk-events.mapper.ts) turns each into one gov.credit.events.v1 message.
 */
export type RiskEvent =
  | { type: 'RiskFundTransactionRecorded'; transaction: RiskFundTransaction }
  | { type: 'LossConfirmed'; lossCase: SettledLossCase; party: ConfirmingParty; confirmation: ShareConfirmation }
  | { type: 'FundCompensationPaid'; lossCase: SettledLossCase }
  | { type: 'LossRecovered'; lossCase: SettledLossCase; recovery: LossRecovery }
  | { type: 'LossCaseClosed'; lossCase: SettledLossCase; at: Date }
  | { type: 'ClaimPaid'; payout: ClaimPayout };

/** An event-publishing aggregate collection, as AggregateStore in ports.ts but carrying RiskEvents. */
export interface RiskStore<T extends { id: string }> {
  /** false when an aggregate with this id already exists (a retry). */
  create(value: T, events: RiskEvent[], note: AuditNote): Promise<boolean>;
  get(id: string): Promise<Stored<T> | undefined>;
  /** Throws CONCURRENT_MODIFICATION when someone wrote since `expectedVersion`. */
  update(value: T, expectedVersion: number, events: RiskEvent[], note: AuditNote, prev: Stored<T>): Promise<void>;
}

/**
 * The fund's append-only ledger. Entries are inserted, never updated; `seq` is unique, so of two writers that
 * read the same last entry only one gets to append after it.
 */
export interface RiskFundLedger {
  /** The entry with the highest seq, or undefined for an empty ledger. */
  last(): Promise<RiskFundTransaction | undefined>;
  get(id: string): Promise<RiskFundTransaction | undefined>;
  /** Every entry in seq order (for the replay check and reports). */
  list(): Promise<RiskFundTransaction[]>;
  /** CREATED, or which uniqueness stopped it: the id (a retry, or a racing retry) or the seq (a racing writer). */
  append(tx: RiskFundTransaction, events: RiskEvent[], note: AuditNote): Promise<'CREATED' | 'ID_TAKEN' | 'SEQ_TAKEN'>;
}

/** Loss cases as settled after allocation; the same documents AllocateLoss creates (spec credit §13.2). */
export type LossCaseSettlements = RiskStore<SettledLossCase>;

export interface ClaimPayouts {
  /** Stores the payout with its card number encrypted; false when the payout was already recorded. */
  record(payout: ClaimPayout, bankCardNo: string, events: RiskEvent[], note: AuditNote): Promise<boolean>;
  get(id: string): Promise<Stored<ClaimPayout> | undefined>;
  /** The full card number, for the one caller that must pay into it (not used by reads or events). */
  revealBankCardNo(id: string): Promise<string | undefined>;
}
