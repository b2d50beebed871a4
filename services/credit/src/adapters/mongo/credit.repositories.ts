import type { Connection } from 'mongoose';
import {
  insertAggregate,
  isDuplicateKey,
  modelOf,
  nextAuditEntry,
  type AggregateDocument,
  type OutboxHandoff,
} from '@gov/platform';
import type {
  Applications,
  BreakerState,
  CreditEvent,
  CreditLines,
  HonorAward,
  Households,
  LossCase,
  Notices,
  NplSnapshotRun,
  NplSnapshots,
  OverdueTasks,
  SubsidyPayments,
} from '../../app/ports';
import type { SubsidyPayment } from '../../domain/subsidy-payment';
import type { NplSnapshot } from '../../domain/npl-snapshot';
import type { OverdueTask } from '../../domain/overdue-task';
import type { RatingApplication } from '../../domain/rating-application';
import { withLoanBalance, type Entity } from '../../domain/entity';
import type { CreditLine } from '../../domain/credit-line';
import { CreditError } from '../../domain/credit-error';
import type { Household, Rating } from '../../domain/household';
import type { Notice } from '../../domain/notice';
import { maskIdNumber, maskPhone } from '../../domain/personal-data';
import type { PartnerSealer } from '../crypto/partner-sealer';
import type { PiiCipher } from '../crypto/pii-cipher';
import { toOutboxEntries } from '../kafka/credit-events.mapper';
import { sealedHolderEntries } from '../kafka/pii-events.mapper';
import { aggregateRepository, eventAggregateRepository } from './aggregate.repository';
import {
  applicationSchema,
  breakerSchema,
  creditLineSchema,
  entitySchema,
  householdPiiSchema,
  honorAwardSchema,
  householdSchema,
  importChunkSchema,
  noticeSchema,
  nplSnapshotRunSchema,
  nplSnapshotSchema,
  overdueTaskSchema,
  subsidyPaymentSchema,
} from './credit.schemas';
import { settledLossCaseSchema } from './risk.schemas';

/** Where a repository hands the events it has just written (the outbox relay's handoff). */
type Relay = { handoff: OutboxHandoff };

/** Household state ⇄ document: the rating as one JSON string plus the scalars a query may need. */
const householdCodec = {
  toDoc: ({ latestRating, ...rest }: Omit<Household, 'id'>) => ({
    ...rest,
    latestRating: latestRating ? JSON.stringify(latestRating) : undefined,
    ratingGrade: latestRating?.grade,
    ratingTotal: latestRating?.total,
    ratingPolicyVersion: latestRating?.policyVersion,
  }),
  fromDoc: (d: Record<string, unknown>): Omit<Household, 'id'> => {
    const { latestRating, ratingGrade: _g, ratingTotal: _t, ratingPolicyVersion: _v, importedBy: _i, ...rest } = d;
    const rating = typeof latestRating === 'string' ? (JSON.parse(latestRating) as Rating) : undefined;
    return {
      ...(rest as Omit<Household, 'id' | 'latestRating'>),
      ...(rating ? { latestRating: { ...rating, computedAt: new Date(rating.computedAt) } } : {}),
    };
  },
};
const asModel = (m: unknown) => m as import('mongoose').Model<AggregateDocument>;

export function createHouseholdRepository(
  conn: Connection,
  opts: Relay & {
    cipher: PiiCipher;
    importNudge?: () => void;
    importHandoff?: OutboxHandoff;
    /**
     * Where the batch import inserts households and their personal data (an insert-only pool, see connectMongo):
     * new documents with unique ids, which stays atomic over several connections even on FerretDB. Default: `conn`.
     * The import chunk (the events) is inserted on `conn`, like every update: the relay polls on `conn`, and one
     * connection's commands are served in order, so its poll cannot see a chunk before the chunk is handed over
     * (on another connection it could, and would send the chunk's events twice).
     */
    importConn?: Connection;
  },
) {
  const model = asModel(modelOf(conn, 'Household', householdSchema));
  const pii = modelOf(conn, 'HouseholdPii', householdPiiSchema);
  const chunks = modelOf(conn, 'ImportChunk', importChunkSchema);
  const writer = opts.importConn ?? conn;
  const importInto = {
    households: modelOf(writer, 'Household', householdSchema),
    pii: modelOf(writer, 'HouseholdPii', householdPiiSchema),
  };
  const base = aggregateRepository<Household>(model, opts.handoff, householdCodec);
  const piiDoc = (householdId: string, p: { idNumber: string; phone: string }) => ({
    _id: householdId,
    idNumberCipher: opts.cipher.encrypt(p.idNumber),
    phoneCipher: opts.cipher.encrypt(p.phone),
    idNumberMasked: maskIdNumber(p.idNumber),
    phoneMasked: maskPhone(p.phone),
    idNumberHash: opts.cipher.hash(p.idNumber),
  });
  const repo: Households = {
    ...base,
    async savePii(householdId, p) {
      try {
        // replace keyed by household id: a retried registration rewrites the same record
        await pii.replaceOne({ _id: householdId }, piiDoc(householdId, p), { upsert: true });
      } catch (e) {
        if (isDuplicateKey(e))
          throw new CreditError('CREDIT_INPUT_INVALID', 'this identity number belongs to another household', [
            { field: 'head_id_number', message: 'already registered' },
          ]);
        throw e;
      }
    },
    async getPii(householdId) {
      const rec = await pii.findById(householdId).lean();
      return rec
        ? { idNumber: opts.cipher.decrypt(rec.idNumberCipher), phone: opts.cipher.decrypt(rec.phoneCipher) }
        : undefined;
    },
    async importChunk(chunk, rows, events, note) {
      if (rows.length === 0) return 0;
      // the import is audited once per chunk; each household names its chunk in `importedBy`
      const first = nextAuditEntry(undefined, {
        ...note,
        details: {
          ...note.details,
          households: rows.length,
          firstHouseholdId: rows[0]!.household.id,
          lastHouseholdId: rows.at(-1)!.household.id,
        },
      });
      const insert = async (m: import('mongoose').Model<never>, docs: unknown[]) => {
        try {
          // lean: the rows are built here in the schema's exact shape, so mongoose's per-document casting is skipped
          const res = await m.insertMany(docs as never[], { ordered: false, rawResult: true, lean: true } as never);
          return (res as unknown as { insertedCount: number }).insertedCount;
        } catch (e) {
          // a re-run of the same chunk: rows already there stay as they were, the missing ones are now in
          if (!isDuplicateKey(e)) throw e;
          return (e as { result?: { insertedCount?: number } }).result?.insertedCount ?? 0;
        }
      };
      // personal data and households are independent inserts: both go out at once (on a pool, in parallel)
      const [, inserted] = await Promise.all([
        insert(
          importInto.pii as never,
          rows.map((r) => piiDoc(r.household.id, r.pii)),
        ),
        insert(
          importInto.households as never,
          rows.map(({ household: { id, ...state } }) => ({
            _id: id,
            ...householdCodec.toDoc(state),
            importedBy: chunk.id,
            version: 1,
            outbox: [],
            outboxPending: false,
            audit: [],
          })),
        ),
      ]);
      // the events go last: after a crash before this line, re-running the chunk records them then
      const outbox = toOutboxEntries(events);
      try {
        // lean: a thousand entries built here in the schema's shape; mongoose's casting would cost more than the write
        await insertAggregate(
          asModel(chunks),
          { _id: chunk.id, batchId: chunk.batchId, households: rows.length, outbox, audit: [first] } as never,
          { lean: true },
        );
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // recorded by an earlier run: the poller publishes whatever is still pending there
        opts.importNudge?.();
        return inserted;
      }
      // the relay sends the entries from memory (no read-back) and trims the chunk at version 1 after the ack
      if (opts.importHandoff) opts.importHandoff(chunks as never, { id: chunk.id, version: 1, entries: outbox });
      else opts.importNudge?.();
      return inserted;
    },
  };
  return { ...repo, model, chunkModel: chunks };
}

export function createNoticeRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'Notice', noticeSchema));
  const base = aggregateRepository<Notice>(model, opts.handoff);
  // notices stored before kinds existed listed households with computed grades: merged notices (R5.4)
  const withKind = (s: ReturnType<typeof base.toStored>) => ({
    ...s,
    value: { ...s.value, kind: s.value.kind ?? 'MERGED' },
  });
  const repo: Notices = {
    ...base,
    get: async (id) => {
      const s = await base.get(id);
      return s && withKind(s);
    },
    async listOpenEndedBy(at) {
      const recs = await model.find({ status: 'OPEN', endAt: { $lte: at } } as never).lean();
      return recs.map((r) => withKind(base.toStored(r)));
    },
  };
  return { ...repo, model };
}

/**
 * Credit lines. Their events go to gov.credit.events.v1, except the holder's personal data at issue, which goes
 * sealed for each partner key to gov.credit.pii.v1 in the same outbox write (spec credit §19.1).
 */
export function createCreditLineRepository(conn: Connection, opts: Relay & { partners: PartnerSealer }) {
  const model = asModel(modelOf(conn, 'CreditLine', creditLineSchema));
  const base = eventAggregateRepository<CreditLine, CreditEvent>(model, opts.handoff, (events) =>
    events.flatMap((e) =>
      e.type === 'CertificateHolderDisclosed' ? sealedHolderEntries(e, opts.partners) : toOutboxEntries([e]),
    ),
  );
  const withLoanNos = (l: CreditLine) => ({ ...l, bankLoanNos: l.loans.map((x) => x.bankLoanNo) });
  const strip = (s: ReturnType<typeof base.toStored>) => {
    const { bankLoanNos: _b, ...value } = s.value as CreditLine & { bankLoanNos?: string[] };
    return { ...s, value: value as CreditLine };
  };
  const repo: CreditLines = {
    create: (l, events, note) => base.create(withLoanNos(l), events, note),
    update: (l, v, events, note, prev) => base.update(withLoanNos(l), v, events, note, prev),
    async get(id) {
      const s = await base.get(id);
      return s && strip(s);
    },
    async findByHousehold(householdId) {
      const rec = await model
        .find({ householdId } as never)
        .sort({ issuedAt: -1 })
        .limit(1)
        .lean();
      return rec[0] ? strip(base.toStored(rec[0])) : undefined;
    },
    async findByBankLoanNo(bankLoanNo) {
      const rec = await model.findOne({ bankLoanNos: bankLoanNo } as never).lean();
      return rec ? strip(base.toStored(rec)) : undefined;
    },
    async listByTownship(townshipId) {
      const recs = await model.find({ townshipId } as never).lean();
      return recs.map((r) => strip(base.toStored(r)));
    },
    async coveredOutstandingFen() {
      const recs = await model
        .find({ registeredPoor: true } as never)
        .select({ outstandingPrincipalFen: 1, status: 1 })
        .lean();
      return (recs as unknown as { outstandingPrincipalFen: number; status: string }[])
        .filter((r) => r.status !== 'REVOKED')
        .reduce((s, r) => s + r.outstandingPrincipalFen, 0);
    },
    async listTownshipIds() {
      const ids = (await model.distinct('townshipId')) as unknown[];
      return ids.filter((x): x is string => typeof x === 'string' && x !== '').sort();
    },
    async listReviewCandidates(at, issuedBy) {
      const recs = await model
        .find({
          status: { $in: ['ACTIVE', 'FROZEN', 'SUSPENDED'] },
          reviewDueSince: null,
          $or: [{ nextReviewAt: { $lte: at } }, { nextReviewAt: null, issuedAt: { $lte: issuedBy } }],
        } as never)
        .lean();
      return recs.map((r) => strip(base.toStored(r)));
    },
    async listValidityEndedBefore(at) {
      const recs = await model
        .find({ validUntil: { $lt: at }, status: { $in: ['ACTIVE', 'FROZEN', 'SUSPENDED'] } } as never)
        .lean();
      return recs.map((r) => strip(base.toStored(r)));
    },
  };
  return { ...repo, model };
}

export function createBreakerRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'CircuitBreaker', breakerSchema));
  return { ...aggregateRepository<BreakerState>(model, opts.handoff), model };
}

export function createLossCaseRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'LossCaseSettlement', settledLossCaseSchema));
  return { ...aggregateRepository<LossCase>(model, opts.handoff), model };
}

export function createHonorAwardRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'HonorAward', honorAwardSchema));
  return { ...aggregateRepository<HonorAward>(model, opts.handoff), model };
}

/** Entity loans stored before balances were mirrored read as fully outstanding since their contract date. */
const entityCodec = {
  toDoc: (e: Omit<Entity, 'id'>) => e,
  fromDoc: (d: Record<string, unknown>) => {
    const e = d as unknown as Omit<Entity, 'id'>;
    return { ...e, loans: (e.loans ?? []).map(withLoanBalance) };
  },
};

export function createEntityRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'Entity', entitySchema));
  return { ...aggregateRepository<Entity>(model, opts.handoff, entityCodec), model };
}

export function createSubsidyPaymentRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'SubsidyPayment', subsidyPaymentSchema));
  const base = aggregateRepository<SubsidyPayment>(model, opts.handoff);
  const repo: SubsidyPayments = {
    ...base,
    async listUnpaidDueBefore(at) {
      const recs = await model
        .find({ status: { $in: ['ACCRUED', 'APPROVED'] }, dueAt: { $lt: at } } as never)
        .sort({ dueAt: 1 })
        .lean();
      return recs.map((r) => base.toStored(r).value);
    },
  };
  return { ...repo, model };
}

export function createApplicationRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'RatingApplication', applicationSchema));
  const base = aggregateRepository<RatingApplication>(model, opts.handoff);
  const repo: Applications = {
    ...base,
    async listByHousehold(householdId) {
      const recs = await model
        .find({ householdId } as never)
        .sort({ submittedAt: -1 })
        .lean();
      return recs.map((r) => base.toStored(r));
    },
  };
  return { ...repo, model };
}

export function createOverdueTaskRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'OverdueTask', overdueTaskSchema));
  const base = aggregateRepository<OverdueTask>(model, opts.handoff);
  const repo: OverdueTasks = {
    ...base,
    async listOpenDue(stage, at) {
      const recs = await model
        .find({ status: 'OPEN', stage, dueAt: { $lte: at } } as never)
        .sort({ dueAt: 1 })
        .lean();
      return recs.map((r) => base.toStored(r));
    },
    async listOpenByLoan(loanId) {
      const recs = await model.find({ loanId, status: 'OPEN' } as never).lean();
      return recs.map((r) => base.toStored(r));
    },
  };
  return { ...repo, model };
}

export function createNplSnapshotRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'NplSnapshot', nplSnapshotSchema));
  const base = aggregateRepository<NplSnapshot>(model, opts.handoff);
  const repo: NplSnapshots = {
    ...base,
    async listByAsOf(asOf) {
      const recs = await model
        .find({ asOf } as never)
        .sort({ _id: 1 })
        .lean();
      return recs.map((r) => base.toStored(r).value);
    },
  };
  return { ...repo, model };
}

export function createNplSnapshotRunRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'NplSnapshotRun', nplSnapshotRunSchema));
  return { ...aggregateRepository<NplSnapshotRun>(model, opts.handoff), model };
}
