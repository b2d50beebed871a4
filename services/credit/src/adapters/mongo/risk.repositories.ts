import type { Connection, Model } from 'mongoose';
import { insertAggregate, isDuplicateKey, modelOf, type AggregateDocument, type OutboxHandoff } from '@gov/platform';
import type { ClaimPayouts, LossCaseSettlements, RiskEvent, RiskFundLedger } from '../../app/risk-ports';
import type { ClaimPayout } from '../../domain/insurance';
import type { SettledLossCase } from '../../domain/loss-case';
import type { RiskFundTransaction } from '../../domain/risk-fund';
import type { PiiCipher } from '../crypto/pii-cipher';
import { toRiskOutboxEntries } from '../kafka/risk-events.mapper';
import { auditAfter, eventAggregateRepository } from './aggregate.repository';
import { claimPayoutSchema, riskFundTransactionSchema, settledLossCaseSchema } from './risk.schemas';

type Relay = { handoff: OutboxHandoff };
const asModel = (m: unknown) => m as Model<AggregateDocument>;

/** The fund's append-only ledger: one insert per entry, the unique seq deciding races (spec credit R13.7). */
export function createRiskFundLedgerRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'RiskFundTransaction', riskFundTransactionSchema));
  const base = eventAggregateRepository<RiskFundTransaction, RiskEvent>(model, opts.handoff, toRiskOutboxEntries);
  const value = (rec: unknown) => base.toStored(rec).value;
  const repo: RiskFundLedger = {
    async last() {
      const rec = await model.find().sort({ seq: -1 }).limit(1).lean();
      return rec[0] ? value(rec[0]) : undefined;
    },
    async get(id) {
      return (await base.get(id))?.value;
    },
    async list() {
      return (await model.find().sort({ seq: 1 }).lean()).map(value);
    },
    async append(tx, events, note) {
      const { id, ...state } = tx;
      const outbox = toRiskOutboxEntries(events);
      try {
        await insertAggregate(model, { _id: id, ...state, outbox, audit: [auditAfter(undefined, note)] } as never);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // which unique index refused it: the id (this entry exists) or the seq (someone appended first)
        return (await model.exists({ _id: id })) ? 'ID_TAKEN' : 'SEQ_TAKEN';
      }
      opts.handoff(model as never, { id, version: 1, entries: outbox });
      return 'CREATED';
    },
  };
  return { ...repo, model };
}

/**
 * Loss cases for settlement. Cases written by AllocateLoss before settlement existed carry no history or
 * recoveries: they read as an empty recovery list and a history opened by the allocation's audit entry.
 */
export function createLossCaseSettlementRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'LossCaseSettlement', settledLossCaseSchema));
  const repo: LossCaseSettlements = eventAggregateRepository<SettledLossCase, RiskEvent>(
    model,
    opts.handoff,
    toRiskOutboxEntries,
    {
      toDoc: (x) => x,
      fromDoc: (d, audit) => {
        const c = d as unknown as Omit<SettledLossCase, 'id'>;
        const first = audit[0];
        const opened = first
          ? [{ step: 'ALLOCATED' as const, actorId: first.actor.userId, role: first.actor.role, at: first.at }]
          : [];
        return {
          ...c,
          recoveries: c.recoveries ?? [],
          recoveriesFen: c.recoveriesFen ?? 0,
          history: c.history ?? opened,
        };
      },
    },
  );
  return { ...repo, model };
}

/** 赔款到户 records; the card number goes in encrypted and comes out only through revealBankCardNo. */
export function createClaimPayoutRepository(conn: Connection, opts: Relay & { cipher: PiiCipher }) {
  const model = asModel(modelOf(conn, 'ClaimPayout', claimPayoutSchema));
  const base = eventAggregateRepository<ClaimPayout, RiskEvent>(model, opts.handoff, toRiskOutboxEntries, {
    toDoc: (x) => x,
    fromDoc: (d) => {
      const { bankCardNoCipher: _c, ...rest } = d;
      return rest as Omit<ClaimPayout, 'id'>;
    },
  });
  const repo: ClaimPayouts = {
    record: (payout, bankCardNo, events, note) =>
      base.create(payout, events, note, { bankCardNoCipher: opts.cipher.encrypt(bankCardNo) }),
    get: (id) => base.get(id),
    async revealBankCardNo(id) {
      const rec = (await model.findById(id).select({ bankCardNoCipher: 1 }).lean()) as {
        bankCardNoCipher?: string;
      } | null;
      return rec?.bankCardNoCipher ? opts.cipher.decrypt(rec.bankCardNoCipher) : undefined;
    },
  };
  return { ...repo, model };
}
