import type { Connection } from 'mongoose';
import { createSequences, type IdempotencyStore, type OutboxHandoff } from '@gov/platform';
import { createPartnerSealer, noPartners } from './adapters/crypto/partner-sealer';
import { createPiiCipher } from './adapters/crypto/pii-cipher';
import {
  createApplicationRepository,
  createBreakerRepository,
  createCreditLineRepository,
  createEntityRepository,
  createHouseholdRepository,
  createHonorAwardRepository,
  createLossCaseRepository,
  createNoticeRepository,
  createNplSnapshotRepository,
  createNplSnapshotRunRepository,
  createOverdueTaskRepository,
  createSubsidyPaymentRepository,
} from './adapters/mongo/credit.repositories';
import {
  createTownshipRepository,
  createVillageRepository,
  createVillagerGroupRepository,
} from './adapters/mongo/geography.repositories';
import {
  createClaimPayoutRepository,
  createLossCaseSettlementRepository,
  createRiskFundLedgerRepository,
} from './adapters/mongo/risk.repositories';
import { createAccrueSubsidy } from './app/accrue-subsidy';
import { createApplicationUseCases } from './app/applications';
import { createBankEventHandlers } from './app/bank-events';
import { createCertificates } from './app/certificates';
import { createCheckPlacement } from './app/check-placement';
import { createConfirmUpgrade } from './app/confirm-upgrade';
import { createDecideCredit } from './app/decide-credit';
import { createEntityUseCases } from './app/entities';
import { createEvaluateBreakers } from './app/evaluate-breakers';
import { createExpireCertificates } from './app/expire-certificates';
import { createFlagReviewsDue } from './app/flag-reviews-due';
import { createGeography } from './app/geography';
import { createGetHousehold, createRegisterHousehold } from './app/households';
import { createImportHouseholds } from './app/import-households';
import { createInsuranceClaims } from './app/insurance-claims';
import { createInsurerEventHandlers } from './app/insurer-events';
import { createJurisdictionGuard } from './app/jurisdiction';
import { createLoanUseCases } from './app/loans';
import { createNoticeUseCases } from './app/notices';
import { createOverdueTasks } from './app/overdue-tasks';
import type { Clock } from './app/ports';
import { createProcedure } from './app/procedure';
import { createRateHousehold } from './app/rate-household';
import { createRiskFund } from './app/risk-fund';
import { createRiskSharing } from './app/risk-sharing';
import { createSettleLossCase } from './app/settle-loss-case';
import { createScreenHousehold } from './app/screen-household';
import { createSubsidyPayments } from './app/subsidy-payments';
import { createTakeNplSnapshots } from './app/take-npl-snapshots';
import { ratingPolicies, withBoundarySetting, type LendingPolicy } from './domain/policy';

/**
 * Repositories and use cases of the credit service, wired by hand. main.ts, the integration tests and the
 * benchmark all build the service through this one function, so they exercise the same code.
 */
export function wireCredit(deps: {
  mongo: Connection;
  idempotency: IdempotencyStore;
  clock: Clock;
  /** Hands each write's new events to the main outbox relay. */
  handoff: OutboxHandoff;
  /** Nudges the relay of import chunks (separate, small batches: each chunk carries a thousand events). */
  importNudge?: () => void;
  /** Hands an import chunk's new events straight to that relay (sent without reading them back). */
  importHandoff?: OutboxHandoff;
  /**
   * An insert-only pool (connectMongo's `insertOnlyPool`) for the batch import's household and personal-data
   * inserts; without it they go to `mongo`. The import chunks and every update stay on `mongo`.
   */
  importMongo?: Connection;
  /** Import chunks written at once (default 1; with an import pool, a few keep both the store and Node busy). */
  importChunksInFlight?: number;
  piiKey: string;
  /**
   * Partner keys of the restricted topic gov.credit.pii.v1 and the ids to seal with (§19.1). Without them no
   * holder's personal data is published at all (the benchmark).
   */
  partnerPii?: { keys: Record<string, string>; activeKeyIds: readonly string[] };
  ratingPolicyVersion: string;
  aaaPlusIncludes100: boolean;
  lending: LendingPolicy;
  /** The approval the fund's opening capital rests on (R13.3) [config]. */
  riskFundCapitalApprovedBy: string;
}) {
  const base = ratingPolicies[deps.ratingPolicyVersion];
  if (!base) throw new Error(`unknown RATING_POLICY_VERSION ${deps.ratingPolicyVersion}`);
  const active = withBoundarySetting(base, deps.aaaPlusIncludes100);
  ratingPolicies[active.version] = active;
  const policy = () => active;
  const relay = { handoff: deps.handoff };
  const cipher = createPiiCipher(deps.piiKey);
  const households = createHouseholdRepository(deps.mongo, {
    ...relay,
    importNudge: deps.importNudge,
    importHandoff: deps.importHandoff,
    importConn: deps.importMongo,
    cipher,
  });
  const notices = createNoticeRepository(deps.mongo, relay);
  const partners = deps.partnerPii
    ? createPartnerSealer(deps.partnerPii.keys, deps.partnerPii.activeKeyIds)
    : noPartners;
  const lines = createCreditLineRepository(deps.mongo, { ...relay, partners });
  const breakers = createBreakerRepository(deps.mongo, relay);
  const lossCases = createLossCaseRepository(deps.mongo, relay);
  const honors = createHonorAwardRepository(deps.mongo, relay);
  const entities = createEntityRepository(deps.mongo, relay);
  const applicationRepo = createApplicationRepository(deps.mongo, relay);
  const overdueTaskRepo = createOverdueTaskRepository(deps.mongo, relay);
  const nplSnapshots = createNplSnapshotRepository(deps.mongo, relay);
  const nplSnapshotRuns = createNplSnapshotRunRepository(deps.mongo, relay);
  const subsidyPaymentRepo = createSubsidyPaymentRepository(deps.mongo, relay);
  const sequences = createSequences(deps.mongo);
  const fundLedger = createRiskFundLedgerRepository(deps.mongo, relay);
  const settledLossCases = createLossCaseSettlementRepository(deps.mongo, relay);
  const claimPayouts = createClaimPayoutRepository(deps.mongo, { ...relay, cipher });
  const townships = createTownshipRepository(deps.mongo, relay);
  const villages = createVillageRepository(deps.mongo, relay);
  const villagerGroups = createVillagerGroupRepository(deps.mongo, relay);
  const checkPlacement = createCheckPlacement({ villages, groups: villagerGroups });
  // §2.4 row-level security: village and township roles reach only their own village or township
  const jurisdiction = createJurisdictionGuard({ villages });
  const riskFund = createRiskFund({
    ledger: fundLedger,
    clock: deps.clock,
    lending: deps.lending,
    initialCapital: { amountFen: deps.lending.riskFundBalanceFen, approvedBy: deps.riskFundCapitalApprovedBy },
  });
  const common = { idempotency: deps.idempotency, clock: deps.clock };
  const applications = createApplicationUseCases({
    applications: applicationRepo,
    households,
    jurisdiction,
    ...common,
  });
  const rating = createRateHousehold({
    households,
    jurisdiction,
    lines,
    policy,
    reviewIntervalMonths: deps.lending.reviewIntervalMonths,
    upgradeCleanMonths: deps.lending.upgradeCleanMonths,
    ...common,
    onRated: (householdId, ratingId) => applications.markScored(householdId, `rating ${ratingId}`),
  });
  const certificates = createCertificates({
    households,
    lines,
    breakers,
    sequences,
    clock: deps.clock,
    lending: deps.lending,
    fundBalance: () => riskFund.balanceFen(),
  });
  const procedure = createProcedure({
    applications: applicationRepo,
    households,
    notices,
    certificates,
    jurisdiction,
    minDays: deps.lending.noticeMinDays,
    mergeNotices: deps.lending.mergeNotices,
    ...common,
  });
  const overdueTasks = createOverdueTasks({ lines, tasks: overdueTaskRepo, clock: deps.clock, lending: deps.lending });
  const loans = createLoanUseCases({
    lines,
    jurisdiction,
    lending: deps.lending,
    ...common,
    afterRepay: (line, loanId, actor, role) => overdueTasks.closeForLoan(line, loanId, { actor, role }),
  });
  const decideCredit = createDecideCredit({ notices, certificates, procedure, ...common });
  const subsidyPayments = createSubsidyPayments({
    payments: subsidyPaymentRepo,
    clock: deps.clock,
    lending: deps.lending,
  });
  const accrueSubsidy = createAccrueSubsidy({
    lines,
    entities,
    clock: deps.clock,
    lending: deps.lending,
    payments: subsidyPayments,
  });
  const settleLossCase = createSettleLossCase({ lossCases: settledLossCases, fund: riskFund, clock: deps.clock });
  const insuranceClaims = createInsuranceClaims({ claims: claimPayouts, households, clock: deps.clock });
  return {
    models: [
      households.model,
      notices.model,
      lines.model,
      breakers.model,
      settledLossCases.model,
      fundLedger.model,
      claimPayouts.model,
      honors.model,
      entities.model,
      applicationRepo.model,
      overdueTaskRepo.model,
      nplSnapshots.model,
      nplSnapshotRuns.model,
      subsidyPaymentRepo.model,
      // the registry publishes nothing today; relayed anyway so an event added later is not left in an outbox
      townships.model,
      villages.model,
      villagerGroups.model,
    ],
    /** Relay these with a small batch size: 4 chunks × 1000 events per publish call. */
    importModels: [households.chunkModel],
    repositories: {
      households,
      notices,
      lines,
      breakers,
      applications: applicationRepo,
      fundLedger,
      settledLossCases,
      claimPayouts,
      overdueTasks: overdueTaskRepo,
      nplSnapshots,
      subsidyPayments: subsidyPaymentRepo,
      townships,
      villages,
      villagerGroups,
    },
    /** For the gRPC commands whose use cases take no key: a retry under the same key gets the first answer. */
    idempotency: deps.idempotency,
    registerHousehold: createRegisterHousehold({ households, checkPlacement, jurisdiction, ...common }),
    /** §3.1 townships, villages and villager groups. */
    geography: createGeography({ townships, villages, groups: villagerGroups, ...common }),
    getHousehold: createGetHousehold({ households, jurisdiction }),
    applications,
    screenHousehold: createScreenHousehold({ households, jurisdiction, ...common }),
    rating,
    procedure,
    notices: createNoticeUseCases({
      notices,
      households,
      procedure,
      jurisdiction,
      minDays: deps.lending.noticeMinDays,
      ...common,
    }),
    decideCredit,
    loans,
    bankEvents: createBankEventHandlers({
      lines,
      loans,
      rating,
      overdueTasks,
      decideCredit,
      accrueSubsidy,
      clock: deps.clock,
    }),
    /** §19.3 insurer reports, consumed from gov.credit.insurer-events.v1. */
    insurerEvents: createInsurerEventHandlers({ settleLossCase, insuranceClaims }),
    /** R15.4 collection tasks; `escalateDue` is the sweep main.ts runs every OVERDUE_TASK_SWEEP_MS. */
    overdueTasks,
    /** §13.4 month-end NPL snapshots; `takeLatest` is the job main.ts runs every NPL_SNAPSHOT_SWEEP_MS. */
    nplSnapshots: createTakeNplSnapshots({
      lines,
      snapshots: nplSnapshots,
      runs: nplSnapshotRuns,
      clock: deps.clock,
    }),
    /** §9.3 certificate expiry; main.ts runs it every CERTIFICATE_EXPIRY_SWEEP_MS. */
    expireCertificates: createExpireCertificates({ lines, clock: deps.clock }),
    /** §9.3 annual review flags; main.ts runs it after each expiry pass. */
    flagReviewsDue: createFlagReviewsDue({
      lines,
      clock: deps.clock,
      intervalMonths: deps.lending.reviewIntervalMonths,
    }),
    evaluateBreakers: createEvaluateBreakers({
      lines,
      villages,
      breakers,
      clock: deps.clock,
      lending: deps.lending,
      // the township's Party secretary and head (党政一把手); the org directory is not wired yet
      accountableHeads: (townshipId) => [`${townshipId}/party-secretary`, `${townshipId}/head`],
    }),
    entities: createEntityUseCases({ entities, clock: deps.clock, lending: deps.lending }),
    accrueSubsidy,
    /** R12.4 贴息拨付: verify and approve, record the transfer, list the payments past the SLA. */
    subsidyPayments,
    /** R17.3: the bank confirms a pending upgrade. */
    confirmUpgrade: createConfirmUpgrade({
      lines,
      idempotency: deps.idempotency,
      clock: deps.clock,
      upgradeCleanMonths: deps.lending.upgradeCleanMonths,
    }),
    riskSharing: createRiskSharing({ lines, lossCases, honors, clock: deps.clock, lending: deps.lending }),
    riskFund,
    settleLossCase,
    insuranceClaims,
    importHouseholds: createImportHouseholds({
      households,
      checkPlacement,
      clock: deps.clock,
      policy,
      chunksInFlight: deps.importChunksInFlight,
    }),
  };
}
export type CreditService = ReturnType<typeof wireCredit>;
