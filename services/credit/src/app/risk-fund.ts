import type { Actor } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import type { LendingPolicy } from '../domain/policy';
import { fundCeilingFen } from '../domain/risk';
import {
  nextTransaction,
  replayBalance,
  sameMovement,
  type FundTransactionInput,
  type RiskFundTransaction,
} from '../domain/risk-fund';
import { roleFor } from '../domain/permissions';
import { derivedId } from './households';
import type { Clock } from './ports';
import type { RiskFundLedger } from './risk-ports';

/** How often an append is retried when another writer took the next seq first. */
const MAX_APPEND_ATTEMPTS = 8;

/**
 * 风险补偿资金池 (spec credit §13.3, R13.7): the fund's ledger and its live balance. Entries get ids derived from
 * the caller's key, so a retried command finds its entry instead of posting it twice. COMPENSATION_OUT and
 * RECOVERY_IN are posted only by loss-case settlement (settle-loss-case.ts), never by hand.
 */
export function createRiskFund(deps: {
  ledger: RiskFundLedger;
  clock: Clock;
  lending: LendingPolicy;
  /** The district's opening contribution [config]: amount and the approval it rests on. */
  initialCapital: { amountFen: number; approvedBy: string };
}) {
  /** Appends one movement, or returns the entry an earlier attempt of the same request wrote. */
  async function post(input: FundTransactionInput, actor: Actor, role: string): Promise<RiskFundTransaction> {
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const existing = await deps.ledger.get(input.id);
      if (existing) {
        if (!sameMovement(existing, input))
          throw new CreditError('IDEMPOTENCY_KEY_REUSED', `fund entry ${input.id} was recorded with different values`);
        return existing;
      }
      const tx = nextTransaction(await deps.ledger.last(), input, { recordedBy: actor.userId, at: deps.clock.now() });
      const outcome = await deps.ledger.append(tx, [{ type: 'RiskFundTransactionRecorded', transaction: tx }], {
        action: `risk-fund.${tx.type.toLowerCase()}`,
        actor,
        role,
        reason: tx.reason,
        at: tx.recordedAt,
        details: {
          seq: tx.seq,
          amountFen: tx.amountFen,
          balanceAfterFen: tx.balanceAfterFen,
          approvedBy: tx.approvedBy,
        },
      });
      if (outcome === 'CREATED') return tx;
      // ID_TAKEN: a concurrent retry wrote it (the next pass returns it); SEQ_TAKEN: re-read the tail and go again
    }
    throw new AppError('CONCURRENT_MODIFICATION', 'conflict', 'the risk fund ledger is busy; retry');
  }

  /** The configured opening capital as the ledger's first CAPITAL_IN; running it again changes nothing. */
  async function seedInitialCapital(actor: Actor) {
    const role = roleFor(actor, 'manageRiskFund');
    return post(
      {
        id: derivedId('rft', 'initial-capital'),
        type: 'CAPITAL_IN',
        amountFen: deps.initialCapital.amountFen,
        approvedBy: deps.initialCapital.approvedBy,
        reason: 'initial district contribution (R13.3)',
      },
      actor,
      role,
    );
  }

  /** Manual movements: further capital, interest the pool earned, and corrections (with a reason). */
  async function recordTransaction(
    cmd: {
      idempotencyKey: string;
      type: 'CAPITAL_IN' | 'INTEREST_IN' | 'ADJUSTMENT';
      amountFen: number;
      approvedBy: string;
      reason?: string;
    },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'manageRiskFund');
    rejectInvalid(cmd.idempotencyKey?.trim() ? [] : [{ field: 'idempotencyKey', message: 'required' }]);
    if (!['CAPITAL_IN', 'INTEREST_IN', 'ADJUSTMENT'].includes(cmd.type))
      throw new CreditError(
        'RISK_FUND_TRANSACTION_INVALID',
        `${cmd.type} is posted by loss-case settlement, not recorded by hand`,
      );
    const { idempotencyKey, ...movement } = cmd;
    // keys are the caller's own: another user's key never returns their entry
    const entry = await post(
      { id: derivedId('rft', 'manual', actor.userId, idempotencyKey), ...movement },
      actor,
      role,
    );
    if (entry.approvedBy !== movement.approvedBy || (entry.reason ?? '') !== (movement.reason ?? ''))
      throw new CreditError('IDEMPOTENCY_KEY_REUSED', `fund entry ${entry.id} was recorded with different values`);
    return entry;
  }

  /** The fund cash now: the last entry's balance (0 before the capital is in). */
  async function balanceFen(): Promise<number> {
    return (await deps.ledger.last())?.balanceAfterFen ?? 0;
  }

  /** Balance and the R13.4 ceiling, with the balance re-derived from every entry as a check of the books. */
  async function statement() {
    const ledger = await deps.ledger.list();
    const balance = replayBalance(ledger);
    return {
      balanceFen: balance,
      ceilingFen: Number(fundCeilingFen(deps.lending, balance)),
      entries: ledger.length,
    };
  }

  return { post, seedInitialCapital, recordTransaction, balanceFen, statement };
}
export type RiskFund = ReturnType<typeof createRiskFund>;
