import { creditEventsV1 as ev, creditEventTypes as t, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { CreditEvent } from '../../app/ports';
import type { LineStatus } from '../../domain/credit-line';
import type { NoticeKind } from '../../domain/notice';
import type { Grade } from '../../domain/policy';
import {
  encodeSubsidyAccrued,
  encodeSubsidyDisbursed,
  encodeSubsidyPaymentApproved,
  encodeUpgradePending,
} from './subsidy-events.mapper';

const grades: Record<Grade, ev.Grade> = {
  NONE: ev.Grade.GRADE_NONE,
  A: ev.Grade.GRADE_A,
  AA: ev.Grade.GRADE_AA,
  AAA: ev.Grade.GRADE_AAA,
  'AAA+': ev.Grade.GRADE_AAA_PLUS,
};
const lineStatuses: Record<LineStatus, ev.CreditLineStatus> = {
  ACTIVE: ev.CreditLineStatus.CREDIT_LINE_STATUS_ACTIVE,
  FROZEN: ev.CreditLineStatus.CREDIT_LINE_STATUS_FROZEN,
  SUSPENDED: ev.CreditLineStatus.CREDIT_LINE_STATUS_SUSPENDED,
  REVOKED: ev.CreditLineStatus.CREDIT_LINE_STATUS_REVOKED,
  EXPIRED: ev.CreditLineStatus.CREDIT_LINE_STATUS_EXPIRED,
};
const noticeKinds: Record<NoticeKind, ev.NoticeKind> = {
  CREDIT_HOUSEHOLD_LIST: ev.NoticeKind.NOTICE_KIND_CREDIT_HOUSEHOLD_LIST,
  GRADE_LIST: ev.NoticeKind.NOTICE_KIND_GRADE_LIST,
  MERGED: ev.NoticeKind.NOTICE_KIND_MERGED,
};
const behaviours = {
  ON_TIME: ev.RepaymentBehaviour.REPAYMENT_BEHAVIOUR_ON_TIME,
  LATE: ev.RepaymentBehaviour.REPAYMENT_BEHAVIOUR_LATE,
  DEFAULTED: ev.RepaymentBehaviour.REPAYMENT_BEHAVIOUR_DEFAULTED,
} as const;
const fen = (n: number) => String(n);
const iso = (d: Date) => d.toISOString();
const available = (l: { limitFen: number; outstandingPrincipalFen: number }) =>
  fen(Math.max(0, l.limitFen - l.outstandingPrincipalFen));

/** One domain event → (ce_type, key, protobuf bytes, time). Keys keep each household's events in order. */
function encode(e: CreditEvent): { type: string; key: string; payload: Uint8Array; time: Date } {
  switch (e.type) {
    case 'CertificateHolderDisclosed':
      // full personal data never goes to the main topic; the credit-line repository seals it for gov.credit.pii.v1
      throw new Error('CertificateHolderDisclosed is published sealed on gov.credit.pii.v1 only');
    case 'RatingApplicationSubmitted':
      return {
        type: t.ratingApplicationSubmitted,
        key: e.application.householdId,
        time: e.application.submittedAt,
        payload: ev.RatingApplicationSubmitted.encode({
          applicationId: e.application.id,
          householdId: e.application.householdId,
          villageId: e.villageId,
          channel: e.application.channel,
          registeredPoor: e.application.priority === 1,
          submittedAt: iso(e.application.submittedAt),
        }).finish(),
      };
    case 'ScoreComputed': {
      const r = e.rating;
      return {
        type: t.scoreComputed,
        key: e.household.id,
        time: r.computedAt,
        payload: ev.ScoreComputed.encode({
          householdId: e.household.id,
          ratingId: r.id,
          villageId: e.household.villageId,
          total: r.total,
          grade: grades[r.grade],
          gradeCapFen: fen(r.capFen),
          vetoCodes: r.vetoCodes,
          items: r.items.map((i) => ({ code: i.code, points: i.points })),
          povertyBonus: r.povertyBonus,
          policyVersion: r.policyVersion,
          computedAt: iso(r.computedAt),
        }).finish(),
      };
    }
    case 'NoticeOpened':
      return {
        type: t.noticeOpened,
        key: e.notice.id,
        time: e.notice.startAt,
        payload: ev.NoticeOpened.encode({
          noticeId: e.notice.id,
          villageId: e.notice.villageId,
          startAt: iso(e.notice.startAt),
          endAt: iso(e.notice.endAt),
          entryCount: e.notice.entries.length,
          kind: noticeKinds[e.notice.kind],
          sourceNoticeId: e.notice.sourceNoticeId ?? '',
        }).finish(),
      };
    case 'BankAssessmentRequested':
      return {
        type: t.bankAssessmentRequested,
        key: e.notice.id,
        time: e.at,
        payload: ev.BankAssessmentRequested.encode({
          batchId: e.batchId,
          noticeId: e.notice.id,
          villageId: e.notice.villageId,
          households: e.entries.map((x) => ({
            householdId: x.householdId,
            computedGrade: grades[x.grade],
            capFen: fen(x.capFen),
            score: x.score,
          })),
          requestedAt: iso(e.at),
        }).finish(),
      };
    case 'ObjectionFiled':
      return {
        type: t.objectionFiled,
        key: e.objection.householdId,
        time: e.objection.filedAt,
        payload: ev.ObjectionFiled.encode({
          noticeId: e.notice.id,
          householdId: e.objection.householdId,
          objectionId: e.objection.id,
          filedAt: iso(e.objection.filedAt),
        }).finish(),
      };
    case 'NoticeClosed': {
      const ids = (o: string) => e.notice.entries.filter((x) => x.outcome === o).map((x) => x.householdId);
      return {
        type: t.noticeClosed,
        key: e.notice.id,
        time: e.notice.closedAt ?? e.notice.endAt,
        payload: ev.NoticeClosed.encode({
          noticeId: e.notice.id,
          villageId: e.notice.villageId,
          certifiableHouseholdIds: ids('CERTIFIABLE'),
          heldHouseholdIds: ids('HELD_BY_OBJECTION'),
          closedAt: iso(e.notice.closedAt ?? e.notice.endAt),
        }).finish(),
      };
    }
    case 'CertificateIssued': {
      const l = e.line;
      return {
        type: t.certificateIssued,
        key: l.householdId,
        time: l.issuedAt,
        payload: ev.CertificateIssued.encode({
          certificateNo: l.certificateNo,
          creditLineId: l.id,
          householdId: l.householdId,
          villageId: l.villageId,
          grade: grades[l.grade],
          limitFen: fen(l.limitFen),
          issuedAt: iso(l.issuedAt),
          validUntil: iso(l.validUntil),
          pureCredit: true,
          policyVersion: l.policyVersion,
          headNameMasked: e.headNameMasked,
          idNumberMasked: e.idNumberMasked,
          registeredPoor: l.registeredPoor,
        }).finish(),
      };
    }
    case 'CreditRejected':
      return {
        type: t.creditRejected,
        key: e.householdId,
        time: e.at,
        payload: ev.CreditRejected.encode({
          householdId: e.householdId,
          noticeId: e.noticeId,
          reason: e.reason,
          cause: e.cause,
          evidenceRefs: e.evidenceRefs,
          decidedAt: iso(e.at),
        }).finish(),
      };
    case 'CertificateRegraded':
      return {
        type: t.certificateRegraded,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CertificateRegraded.encode({
          certificateNo: e.line.certificateNo,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          oldGrade: grades[e.oldGrade],
          newGrade: grades[e.line.grade],
          oldLimitFen: fen(e.oldLimitFen),
          newLimitFen: fen(e.line.limitFen),
          reason: e.reason,
          at: iso(e.at),
          overLimit: e.line.outstandingPrincipalFen > e.line.limitFen,
          outstandingPrincipalFen: fen(e.line.outstandingPrincipalFen),
          availableFen: available(e.line),
        }).finish(),
      };
    case 'CertificateRevoked':
      return {
        type: t.certificateRevoked,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CertificateRevoked.encode({
          certificateNo: e.line.certificateNo,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          reason: e.reason,
          revokedAt: iso(e.at),
        }).finish(),
      };
    case 'CertificateExpired':
      return {
        type: t.certificateExpired,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CertificateExpired.encode({
          certificateNo: e.line.certificateNo,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          villageId: e.line.villageId,
          validUntil: iso(new Date(e.line.validUntil)),
          oldStatus: lineStatuses[e.oldStatus],
          expiredAt: iso(e.at),
          outstandingPrincipalFen: fen(e.line.outstandingPrincipalFen),
        }).finish(),
      };
    case 'CertificateReviewDue':
      return {
        type: t.certificateReviewDue,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CertificateReviewDue.encode({
          certificateNo: e.line.certificateNo,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          villageId: e.line.villageId,
          dueAt: e.line.nextReviewAt ? iso(new Date(e.line.nextReviewAt)) : '',
          flaggedAt: iso(e.at),
        }).finish(),
      };
    case 'CertificateReviewed':
      return {
        type: t.certificateReviewed,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CertificateReviewed.encode({
          certificateNo: e.line.certificateNo,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          ratingId: e.ratingId,
          grade: grades[e.line.grade],
          reviewedAt: iso(e.at),
          nextReviewAt: e.line.nextReviewAt ? iso(new Date(e.line.nextReviewAt)) : '',
        }).finish(),
      };
    case 'OverdueTaskCreated': {
      const k = e.task;
      return {
        type: t.overdueTaskCreated,
        key: k.householdId,
        time: k.createdAt,
        payload: ev.OverdueTaskCreated.encode({
          taskId: k.id,
          loanId: k.loanId,
          villageId: k.villageId,
          assigneeOrg: k.assigneeOrg,
          dueAt: iso(k.dueAt),
          stage: k.stage,
          bankLoanNo: k.bankLoanNo,
          householdId: k.householdId,
          townshipId: k.townshipId,
          creditLineId: k.creditLineId,
          createdAt: iso(k.createdAt),
          escalatedFromTaskId: k.escalatedFromTaskId ?? '',
        }).finish(),
      };
    }
    case 'OverdueTaskClosed': {
      const k = e.task;
      const closedAt = k.closedAt ?? k.createdAt;
      return {
        type: t.overdueTaskClosed,
        key: k.householdId,
        time: closedAt,
        payload: ev.OverdueTaskClosed.encode({
          taskId: k.id,
          loanId: k.loanId,
          villageId: k.villageId,
          assigneeOrg: k.assigneeOrg,
          stage: k.stage,
          outcome: k.outcome ?? '',
          closedAt: iso(closedAt),
          householdId: k.householdId,
        }).finish(),
      };
    }
    case 'NplSnapshotTaken': {
      const n = e.snapshot;
      return {
        type: t.nplSnapshot,
        key: n.unitId,
        time: n.takenAt,
        payload: ev.NplSnapshot.encode({
          snapshotId: n.id,
          unitType: n.unitType,
          unitId: n.unitId,
          asOf: n.asOf,
          outstandingFen: fen(n.outstandingFen),
          nplFen: fen(n.nplFen),
          nplBp: n.nplBp,
          townshipId: n.townshipId,
          takenAt: iso(n.takenAt),
        }).finish(),
      };
    }
    case 'CreditLineStatusChanged':
      return {
        type: t.creditLineStatusChanged,
        key: e.line.householdId,
        time: e.at,
        payload: ev.CreditLineStatusChanged.encode({
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          villageId: e.line.villageId,
          oldStatus: lineStatuses[e.oldStatus],
          newStatus: lineStatuses[e.line.status],
          reason: e.reason,
          effectiveAt: iso(e.at),
        }).finish(),
      };
    case 'LoanDrawn':
      return {
        type: t.loanDrawn,
        key: e.line.householdId,
        time: new Date(`${e.loan.contractDate}T00:00:00+08:00`),
        payload: ev.LoanDrawn.encode({
          loanId: e.loan.id,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          bankLoanNo: e.loan.bankLoanNo,
          principalFen: fen(e.loan.principalFen),
          rateBp: e.loan.rateBp,
          termMonths: e.loan.termMonths,
          contractDate: e.loan.contractDate,
          maturityDate: e.loan.maturityDate,
          subsidyEligible: e.loan.subsidyEligible,
          availableAfterFen: available(e.line),
        }).finish(),
      };
    case 'LoanRepaid':
      return {
        type: t.loanRepaid,
        key: e.line.householdId,
        time: e.paidAt,
        payload: ev.LoanRepaid.encode({
          loanId: e.loan.id,
          creditLineId: e.line.id,
          householdId: e.line.householdId,
          principalFen: fen(e.principalFen),
          outstandingAfterFen: fen(e.loan.outstandingPrincipalFen),
          availableAfterFen: available(e.line),
          paidAt: iso(e.paidAt),
          onTime: e.onTime,
        }).finish(),
      };
    case 'RepaymentBehaviourUpdated':
      return {
        type: t.repaymentBehaviourUpdated,
        key: e.line.householdId,
        time: e.at,
        payload: ev.RepaymentBehaviourUpdated.encode({
          householdId: e.line.householdId,
          behaviour: behaviours[e.behaviour],
          onTimeCount: e.line.onTimeCount,
          lateCount: e.line.lateCount,
          at: iso(e.at),
        }).finish(),
      };
    case 'LossAllocated': {
      const c = e.lossCase;
      return {
        type: t.lossAllocated,
        key: c.loanId,
        time: c.triggeredAt,
        payload: ev.LossAllocated.encode({
          lossCaseId: c.id,
          loanId: c.loanId,
          lossBaseFen: fen(c.lossBaseFen),
          govShareFen: fen(c.govShareFen),
          bankShareFen: fen(c.bankShareFen),
          insurerShareFen: fen(c.insurerShareFen),
          govRatioBp: c.ratiosBp.gov,
          bankRatioBp: c.ratiosBp.bank,
          insurerRatioBp: c.ratiosBp.insurer,
        }).finish(),
      };
    }
    case 'SubsidyAccrued':
      return encodeSubsidyAccrued(e);
    case 'SubsidyPaymentApproved':
      return encodeSubsidyPaymentApproved(e);
    case 'SubsidyDisbursed':
      return encodeSubsidyDisbursed(e);
    case 'CertificateUpgradePending':
      return encodeUpgradePending(e);
    case 'MutualFundContributionRequired':
      return {
        type: t.mutualFundContributionRequired,
        key: e.entity.id,
        time: e.at,
        payload: ev.MutualFundContributionRequired.encode({
          entityId: e.entity.id,
          bankLoanNo: e.bankLoanNo,
          requiredFen: fen(e.requiredFen),
          at: iso(e.at),
        }).finish(),
      };
    case 'RiskFundUtilisationWarning':
      return {
        type: t.riskFundUtilisationWarning,
        key: 'risk-fund',
        time: e.at,
        payload: ev.RiskFundUtilisationWarning.encode({
          coveredOutstandingFen: fen(e.coveredOutstandingFen),
          ceilingFen: fen(e.ceilingFen),
          utilisationBp: e.utilisationBp,
          thresholdBp: e.thresholdBp,
          creditLineId: e.creditLineId,
          at: iso(e.at),
        }).finish(),
      };
    case 'BreakerLifted':
      return {
        type: t.breakerLifted,
        key: e.unitId,
        time: e.at,
        payload: ev.BreakerLifted.encode({
          unitType: e.unitType,
          unitId: e.unitId,
          nplBp: e.nplBp,
          liftedBy: e.liftedBy,
          reason: e.reason,
          liftedAt: iso(e.at),
        }).finish(),
      };
    case 'HonorAwarded':
      return {
        type: t.honorAwarded,
        key: e.award.subjectId,
        time: e.award.awardedAt,
        payload: ev.HonorAwarded.encode({
          level: e.award.level,
          subjectId: e.award.subjectId,
          title: e.award.title,
          year: e.award.year,
          basisNplBp: e.award.basisNplBp,
        }).finish(),
      };
    case 'VillageBreakerTripped':
      return {
        type: t.villageBreakerTripped,
        key: e.villageId,
        time: e.at,
        payload: ev.VillageBreakerTripped.encode({
          villageId: e.villageId,
          townshipId: e.townshipId,
          outstandingFen: fen(e.outstandingFen),
          nplFen: fen(e.nplFen),
          nplBp: e.outstandingFen === 0 ? 0 : Math.floor((e.nplFen * 10000) / e.outstandingFen),
          thresholdBp: e.thresholdBp,
          trippedAt: iso(e.at),
        }).finish(),
      };
    case 'TownshipBreakerTripped':
      return {
        type: t.townshipBreakerTripped,
        key: e.townshipId,
        time: e.at,
        payload: ev.TownshipBreakerTripped.encode({
          townshipId: e.townshipId,
          breachedVillageIds: e.breachedVillageIds,
          villageCount: e.villageCount,
          shareBp: e.shareBp,
          accountableHeads: e.accountableHeads,
          trippedAt: iso(e.at),
        }).finish(),
      };
  }
}

/** Domain events → outbox entries on gov.credit.events.v1. */
export const toOutboxEntries = (events: CreditEvent[]): OutboxEntry[] =>
  events.map((e) => outboxEntry({ topic: topics.credit, ...encode(e) }));
