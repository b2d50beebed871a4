import { Schema } from 'mongoose';
import { aggregateFields } from '@gov/platform';

// Nested domain values (ratings, entries, loans) are stored as plain sub-documents; the domain owns their shape.
const mixed = { type: Schema.Types.Mixed };

/**
 * 农户 aggregates: households; the identity number and phone are NOT here (see householdPiiSchema).
 * Households are read by id only (notices name their households), so besides `_id` the only index is the relay's
 * `outboxPending`: every index is paid on each of a batch import's inserts (bench/credit). A query by village,
 * township or import chunk brings its index back with it.
 */
export const householdSchema = new Schema(
  {
    _id: { type: String, required: true },
    townshipId: String,
    villageId: { type: String, required: true },
    villagerGroupId: String,
    headName: String,
    povertyStatus: String,
    // the immutable score card with its inputs and explanation, stored whole as JSON: it is always read whole,
    // and the Mongo-wire server stores a nested document many times slower than one string (bench/credit)
    latestRating: String,
    ratingGrade: String,
    ratingTotal: Number,
    ratingPolicyVersion: String,
    // the latest screening (§4) with every check's evidence
    screening: mixed,
    // the import chunk whose audit trail records this household's import, when it came in bulk
    importedBy: String,
    ...aggregateFields,
  } as never,
  { collection: 'households', versionKey: false, minimize: false },
);

/** Personal data of household heads, encrypted (AES-256-GCM) with masked copies for everyday reads. */
export const householdPiiSchema = new Schema(
  {
    _id: { type: String, required: true },
    idNumberCipher: { type: String, required: true },
    phoneCipher: { type: String, required: true },
    idNumberMasked: String,
    phoneMasked: String,
    // unique: one household per person; a keyed hash (HMAC) so the index does not reveal the number
    idNumberHash: { type: String, required: true, unique: true },
  },
  { collection: 'household_pii', versionKey: false },
);

/** 公示 aggregates with their entries and objections. */
export const noticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves "notices of a village"
    villageId: { type: String, required: true, index: true },
    kind: String,
    sourceNoticeId: String,
    startAt: Date,
    endAt: Date,
    postedLocation: String,
    status: String,
    entries: mixed,
    objections: mixed,
    decisions: mixed,
    closedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'notices', versionKey: false, minimize: false },
);

/** 贷款信用证 + revolving line aggregates with their loans. */
export const creditLineSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves GetCreditLine by household (latest first)
    householdId: { type: String, required: true, index: true },
    villageId: String,
    // serves the circuit-breaker evaluation of a township
    townshipId: { type: String, index: true },
    // unique: certificate numbers are never shared
    certificateNo: { type: String, unique: true },
    grade: String,
    limitFen: Number,
    outstandingPrincipalFen: Number,
    status: String,
    issuedAt: Date,
    // serves the certificate expiry job: lines whose validity ended before now
    validUntil: { type: Date, index: true },
    // serves the review-due job: lines whose annual review date has come
    nextReviewAt: { type: Date, index: true },
    reviewDueSince: Date,
    lastReviewedAt: Date,
    policyVersion: String,
    // serves the fund-leverage sum over risk-shared lines
    registeredPoor: { type: Boolean, index: true },
    loans: mixed,
    // serves bank events, which name the loan by the bank's number
    bankLoanNos: { type: [String], index: true },
    appliedEvents: { type: [String], default: [] },
    onTimeCount: Number,
    lateCount: Number,
    // R17.3: the higher grade a re-score reached, until the bank confirms it (null: none)
    pendingUpgrade: mixed,
    // R16.2: the last overdue or late repayment, start of the clean period before an upgrade
    lastOverdueAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'credit_lines', versionKey: false, minimize: false },
);

/** Circuit-breaker state per village or township. */
export const breakerSchema = new Schema(
  {
    _id: { type: String, required: true },
    unitType: String,
    tripped: Boolean,
    trippedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'circuit_breakers', versionKey: false },
);

/**
 * One chunk of a batch import: the events of up to a thousand imported households ride in this document's
 * outbox, so the relay clears a thousand events with one conditional write instead of a thousand.
 */
export const importChunkSchema = new Schema(
  {
    _id: { type: String, required: true },
    batchId: String,
    households: Number,
    ...aggregateFields,
  } as never,
  { collection: 'import_chunks', versionKey: false },
);

/** Year-end honour titles; one per unit and year (the id is derived from both). */
export const honorAwardSchema = new Schema(
  {
    _id: { type: String, required: true },
    level: String,
    subjectId: String,
    title: String,
    // serves "titles awarded in a year"
    year: { type: Number, index: true },
    basisNplBp: Number,
    awardedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'honor_awards', versionKey: false },
);

/** 带贫经营主体 aggregates with their mutual-fund account and reported loans. */
export const entitySchema = new Schema(
  {
    _id: { type: String, required: true },
    name: String,
    kind: String,
    // unique: one entity per business registration number
    registrationNo: { type: String, unique: true },
    // serves "entities of a township"
    townshipId: { type: String, index: true },
    inGovBankInsurerAgreement: Boolean,
    mutualFundPaidFen: Number,
    contributionRequests: mixed,
    loans: mixed,
    appliedOps: { type: [String], default: undefined },
    ...aggregateFields,
  } as never,
  { collection: 'entities', versionKey: false, minimize: false },
);

/** 信用评定 applications (spec credit §5.2). */
export const applicationSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves "applications of this household" (the duplicate check)
    householdId: { type: String, required: true, index: true },
    villagerGroupId: String,
    channel: String,
    // serves the review queue by state
    state: { type: String, index: true },
    priority: Number,
    submittedAt: Date,
    noticeId: String,
    history: mixed,
    ...aggregateFields,
  } as never,
  { collection: 'rating_applications', versionKey: false, minimize: false },
);

/** 逾期催收任务: one collection task per overdue loan and stage (spec credit R15.4); the id derives from both. */
export const overdueTaskSchema = new Schema(
  {
    _id: { type: String, required: true },
    stage: String,
    // serves closing a loan's open tasks when it is repaid
    loanId: { type: String, required: true, index: true },
    bankLoanNo: String,
    creditLineId: String,
    householdId: String,
    villageId: String,
    townshipId: String,
    assigneeOrg: String,
    status: String,
    createdAt: Date,
    dueAt: Date,
    escalatedFromTaskId: String,
    outcome: String,
    closedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'overdue_tasks', versionKey: false },
);
// serves the escalation sweep: open tasks of a stage due by now
overdueTaskSchema.index({ status: 1, stage: 1, dueAt: 1 });

/** Month-end NPL snapshots per village and township (spec credit §13.4); the id derives from unit and month end. */
export const nplSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    unitType: String,
    unitId: String,
    townshipId: String,
    // serves "the snapshots of a month end" (reports, the honour evaluation on 12-31)
    asOf: { type: String, index: true },
    outstandingFen: Number,
    nplFen: Number,
    nplBp: Number,
    takenAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'npl_snapshots', versionKey: false },
);

/** One record per month end whose snapshots are complete; read by id (the month end) only. */
export const nplSnapshotRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    asOf: String,
    units: Number,
    completedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'npl_snapshot_runs', versionKey: false },
);

/** 贴息拨付: one payment per loan and subsidy period (spec credit R12.4-R12.5); the id derives from the three. */
export const subsidyPaymentSchema = new Schema(
  {
    _id: { type: String, required: true },
    borrowerType: String,
    borrowerId: String,
    creditLineId: String,
    loanId: { type: String, required: true },
    bankLoanNo: String,
    subsidyPeriodId: String,
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    eligiblePrincipalFen: Number,
    amountFen: Number,
    status: String,
    acceptedAt: Date,
    dueAt: Date,
    payee: String,
    approvedBy: String,
    approvedAt: Date,
    paymentRef: String,
    paidBy: String,
    paidAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'subsidy_payments', versionKey: false },
);
// unique: R12.5, one payment per (loanId, periodStart, periodEnd) even if an id were ever derived differently
subsidyPaymentSchema.index({ loanId: 1, periodStart: 1, periodEnd: 1 }, { unique: true });
// serves the SLA list: unpaid payments whose due instant has passed
subsidyPaymentSchema.index({ status: 1, dueAt: 1 });
