import { creditEventsV1 as ev, creditEventTypes as t, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { RiskEvent } from '../../app/risk-ports';

const fen = (n: number | undefined) => String(n ?? 0);
const iso = (d: Date) => d.toISOString();

function encode(e: RiskEvent): { type: string; key: string; payload: Uint8Array; time: Date } {
  switch (e.type) {
    case 'RiskFundTransactionRecorded': {
      const x = e.transaction;
      return {
        type: t.riskFundTransactionRecorded,
        // one key for the whole fund: the ledger's entries reach consumers in seq order
        key: 'risk-fund',
        time: x.recordedAt,
        payload: ev.RiskFundTransactionRecorded.encode({
          transactionId: x.id ?? '',
          seq: fen(x.seq),
          type: x.type,
          amountFen: fen(x.amountFen),
          balanceAfterFen: fen(x.balanceAfterFen),
          loanId: x.loanId ?? '',
          lossCaseId: x.lossCaseId ?? '',
          approvedBy: x.approvedBy ?? '',
          recordedAt: iso(x.recordedAt),
        }).finish(),
      };
    }
    case 'LossConfirmed':
      return {
        type: t.lossConfirmed,
        key: e.lossCase.loanId,
        time: e.confirmation.confirmedAt,
        payload: ev.LossConfirmed.encode({
          lossCaseId: e.lossCase.id ?? '',
          loanId: e.lossCase.loanId ?? '',
          party: e.party ?? '',
          amountFen: fen(e.confirmation.amountFen),
          reference: e.confirmation.reference ?? '',
          confirmedBy: e.confirmation.confirmedBy ?? '',
          confirmedAt: iso(e.confirmation.confirmedAt),
        }).finish(),
      };
    case 'FundCompensationPaid': {
      const c = e.lossCase.compensation!;
      return {
        type: t.fundCompensationPaid,
        key: e.lossCase.loanId,
        time: c.paidAt,
        payload: ev.FundCompensationPaid.encode({
          lossCaseId: e.lossCase.id ?? '',
          loanId: e.lossCase.loanId ?? '',
          amountFen: fen(c.amountFen),
          fundBalanceAfterFen: fen(c.fundBalanceAfterFen),
          fundTransactionId: c.fundTransactionId ?? '',
          approvedBy: c.approvedBy ?? '',
          paidAt: iso(c.paidAt),
        }).finish(),
      };
    }
    case 'LossRecovered': {
      const r = e.recovery;
      return {
        type: t.lossRecovered,
        key: e.lossCase.loanId,
        time: r.recordedAt,
        payload: ev.LossRecovered.encode({
          lossCaseId: e.lossCase.id ?? '',
          loanId: e.lossCase.loanId ?? '',
          recoveryId: r.id ?? '',
          reference: r.reference ?? '',
          amountFen: fen(r.amountFen),
          govFen: fen(r.govFen),
          bankFen: fen(r.bankFen),
          insurerFen: fen(r.insurerFen),
          recoveriesTotalFen: fen(e.lossCase.recoveriesFen),
          lossBaseFen: fen(e.lossCase.lossBaseFen),
          recordedAt: iso(r.recordedAt),
        }).finish(),
      };
    }
    case 'LossCaseClosed':
      return {
        type: t.lossCaseClosed,
        key: e.lossCase.loanId,
        time: e.at,
        payload: ev.LossCaseClosed.encode({
          lossCaseId: e.lossCase.id ?? '',
          loanId: e.lossCase.loanId ?? '',
          reason: e.lossCase.closeReason ?? '',
          recoveriesTotalFen: fen(e.lossCase.recoveriesFen),
          closedAt: iso(e.at),
        }).finish(),
      };
    case 'ClaimPaid': {
      const p = e.payout;
      return {
        type: t.claimPaid,
        key: p.householdId,
        time: p.paidAt,
        payload: ev.ClaimPaid.encode({
          payoutId: p.id ?? '',
          insurerId: p.insurerId ?? '',
          claimNo: p.claimNo ?? '',
          policyNo: p.policyNo ?? '',
          householdId: p.householdId ?? '',
          amountFen: fen(p.amountFen),
          payeeType: p.payeeType ?? '',
          // masked only: the full number never leaves the repository (R14.3)
          bankCardNoMasked: p.bankCardNoMasked ?? '',
          paidAt: iso(p.paidAt),
        }).finish(),
      };
    }
  }
}

/** Risk events → outbox entries on gov.credit.events.v1. */
export const toRiskOutboxEntries = (events: RiskEvent[]): OutboxEntry[] =>
  events.map((e) => outboxEntry({ topic: topics.credit, ...encode(e) }));
