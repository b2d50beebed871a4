import { Schema } from 'mongoose';
import { aggregateFields } from '@gov/platform';

// Nested domain values (postings, confirmations, recoveries, history) are plain sub-documents; the domain owns them.
const mixed = { type: Schema.Types.Mixed };

/**
 * 风险补偿资金池 ledger entries, insert-only (spec credit R13.7). Each entry is its own aggregate document so
 * its event rides in its own outbox; nothing but the relay's outbox trim ever writes to an entry again.
 */
export const riskFundTransactionSchema = new Schema(
  {
    _id: { type: String, required: true },
    // unique: two writers that read the same tail cannot both append after it; also serves "last entry" (seq desc)
    seq: { type: Number, required: true, unique: true },
    type: String,
    amountFen: Number,
    loanId: String,
    // serves "fund movements of a loss case" (reconciliation of a case against the ledger)
    lossCaseId: { type: String, index: true },
    approvedBy: String,
    reason: String,
    postings: mixed,
    balanceAfterFen: Number,
    recordedBy: String,
    recordedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'risk_fund_transactions', versionKey: false, minimize: false },
);

/**
 * Loss cases with their settlement (spec credit §13.2, R15.4): the `loss_cases` documents AllocateLoss creates,
 * with the fields settlement adds; the one model of that collection.
 */
export const settledLossCaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves "loss case of this loan"; unique: one case per loan
    loanId: { type: String, required: true, unique: true },
    creditLineId: String,
    householdId: String,
    lossBaseFen: Number,
    govShareFen: Number,
    bankShareFen: Number,
    insurerShareFen: Number,
    ratiosBp: { gov: Number, bank: Number, insurer: Number },
    status: String,
    triggeredAt: Date,
    bankConfirmation: mixed,
    insurerConfirmation: mixed,
    compensation: mixed,
    recoveries: mixed,
    recoveriesFen: Number,
    history: mixed,
    closeReason: String,
    ...aggregateFields,
  } as never,
  { collection: 'loss_cases', versionKey: false, minimize: false },
);

/** 赔款到户 payouts (spec credit R14.3); the card number only encrypted, with a masked copy for reads. */
export const claimPayoutSchema = new Schema(
  {
    _id: { type: String, required: true },
    insurerId: String,
    claimNo: String,
    policyNo: String,
    // serves "claim payouts of a household"
    householdId: { type: String, index: true },
    amountFen: Number,
    payeeType: String,
    bankCardNoMasked: String,
    // AES-256-GCM (PiiCipher); decrypted only by revealBankCardNo
    bankCardNoCipher: String,
    paidAt: Date,
    recordedBy: String,
    recordedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'insurance_claim_payouts', versionKey: false, minimize: false },
);
