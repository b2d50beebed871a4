import { creditEventsV1 as ev, creditEventTypes as t } from '@gov/contracts';
import { MalformedEventError, type EventHandler, type InboundEvent } from '@gov/platform';
import type { createBankEventHandlers } from '../../app/bank-events';

const decode = <T>(what: string, fn: (b: Buffer) => T, e: InboundEvent): T => {
  try {
    return fn(e.payload);
  } catch (err) {
    throw new MalformedEventError(`${what} does not decode: ${(err as Error).message}`);
  }
};
const fenOf = (what: string, s: string): number => {
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n <= 0) throw new MalformedEventError(`${what} is not a positive amount of fen`);
  return n;
};

/**
 * gov.credit.bank-events.v1 handlers: decode, check, hand to the use case with the ce_id as the operation id.
 * A business refusal (e.g. INSUFFICIENT_LIMIT) is not retried forever: the kit parks it after its retries,
 * which is the compensating alert of spec credit §19.3.
 */
export function bankEventHandlers(h: ReturnType<typeof createBankEventHandlers>): Record<string, EventHandler> {
  return {
    [t.bankLoanDisbursed]: async (e) => {
      const m = decode('BankLoanDisbursed', (b) => ev.BankLoanDisbursed.decode(b), e);
      if (!m.bankLoanNo || !m.creditLineId) throw new MalformedEventError('BankLoanDisbursed lacks loan or line id');
      await h.disbursed(e.id, {
        creditLineId: m.creditLineId,
        bankLoanNo: m.bankLoanNo,
        principalFen: fenOf('principal_fen', m.principalFen),
        rateBp: m.rateBp,
        termMonths: m.termMonths,
        contractDate: m.contractDate,
      });
    },
    [t.bankLoanRepaid]: async (e) => {
      const m = decode('BankLoanRepaid', (b) => ev.BankLoanRepaid.decode(b), e);
      const paidAt = new Date(m.paidAt);
      if (!m.bankLoanNo || Number.isNaN(paidAt.getTime()))
        throw new MalformedEventError('BankLoanRepaid lacks loan or paid_at');
      await h.repaid(e.id, {
        bankLoanNo: m.bankLoanNo,
        principalFen: fenOf('principal_fen', m.principalFen),
        paidAt,
        onTime: m.onTime,
      });
    },
    [t.bankLoanOverdue]: async (e) => {
      const m = decode('BankLoanOverdue', (b) => ev.BankLoanOverdue.decode(b), e);
      if (!m.bankLoanNo) throw new MalformedEventError('BankLoanOverdue lacks the loan number');
      await h.overdue(e.id, { bankLoanNo: m.bankLoanNo, nonPerforming: m.nonPerforming });
    },
  };
}
