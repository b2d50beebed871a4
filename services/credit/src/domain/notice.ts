import { CreditError } from './credit-error';
import type { Grade } from './policy';

/** 异议 against one household on a notice (spec credit §9.2). */
export interface Objection {
  id: string;
  householdId: string;
  content: string;
  status: 'OPEN' | 'UPHELD' | 'DISMISSED';
  filedAt: Date;
  /**
   * What an upheld objection on a grade notice does (spec credit §5.2 OBJECTION_REVIEW_2): the grade is
   * recomputed (RESCORE) or the household leaves the list (REJECT). On a village notice it always rejects.
   */
  consequence?: 'RESCORE' | 'REJECT';
  resolution?: string;
  resolvedBy?: string;
  resolvedAt?: Date;
}

/** One line of a notice: name and masked identity number only (N6). */
export interface NoticeEntry {
  householdId: string;
  headName: string;
  maskedIdNumber: string;
  score: number;
  grade: Grade;
  capFen: number;
  /** On a grade notice: the limit the bank granted (spec credit §5.1 steps 6-7). */
  limitFen?: number;
  policyVersion: string;
  outcome: 'PENDING' | 'CERTIFIABLE' | 'HELD_BY_OBJECTION' | 'REJECTED_BY_OBJECTION';
}

/**
 * What a notice lists (spec credit §9.1, R5.4): the village credit-household list after the 村级评定, the
 * grades the bank granted (published by the township, N3), or both at once when the notices are merged.
 * Notices stored before kinds existed are MERGED: they listed households with their computed grades and the
 * bank's decision issued the certificate.
 */
export type NoticeKind = 'CREDIT_HOUSEHOLD_LIST' | 'GRADE_LIST' | 'MERGED';

/** 公示 — a village notice of rated households (spec credit §9.1). */
export interface Notice {
  id: string;
  kind: NoticeKind;
  /** A grade notice names the village notice whose bank approvals it publishes. */
  sourceNoticeId?: string;
  villageId: string;
  startAt: Date;
  endAt: Date;
  postedLocation: string;
  status: 'OPEN' | 'CLOSED';
  entries: NoticeEntry[];
  objections: Objection[];
  /** The bank's decision per certifiable household, so each household is decided once. */
  decisions: NoticeDecision[];
  closedAt?: Date;
}

/** The bank's decision on one household of a village notice; an approval carries what it granted. */
export interface NoticeDecision {
  householdId: string;
  outcome: 'APPROVED' | 'REJECTED';
  at: Date;
  grade?: Grade;
  limitFen?: number;
  /** Set once the approval is listed on a grade notice, so it is published once. */
  gradeNoticeId?: string;
}

const DAY = 86400000;

/** N1: the notice runs at least `minDays` full days (endAt − startAt ≥ minDays × 24 h). */
export function checkNoticeWindow(startAt: Date, endAt: Date, minDays: number): void {
  if (endAt.getTime() - startAt.getTime() < minDays * DAY)
    throw new CreditError(
      'NOTICE_TOO_SHORT',
      `a notice runs at least ${minDays} days; ${startAt.toISOString()} to ${endAt.toISOString()} is shorter`,
    );
}

/** Objections are filed only while the notice is open and only against a household on it. */
export function fileObjection(n: Notice, o: Objection, now: Date): Notice {
  if (n.status !== 'OPEN' || now.getTime() > n.endAt.getTime())
    throw new CreditError('NOTICE_CLOSED', `notice ${n.id} no longer takes objections`);
  if (!n.entries.some((e) => e.householdId === o.householdId))
    throw new CreditError('NOT_ON_NOTICE', `household ${o.householdId} is not on notice ${n.id}`);
  return { ...n, objections: [...n.objections, o] };
}

/**
 * Closes the notice at or after its end (N5): an entry with an OPEN or UPHELD objection is held; every other
 * entry becomes certifiable. One household's objection never holds the others.
 */
export function closeNotice(n: Notice, now: Date): Notice {
  if (n.status !== 'OPEN') return n;
  if (now.getTime() < n.endAt.getTime())
    throw new CreditError('NOTICE_STILL_RUNNING', `notice ${n.id} runs until ${n.endAt.toISOString()}`);
  const held = new Set(n.objections.filter((o) => o.status === 'OPEN').map((o) => o.householdId));
  const upheld = new Set(n.objections.filter((o) => o.status === 'UPHELD').map((o) => o.householdId));
  return {
    ...n,
    status: 'CLOSED',
    closedAt: now,
    entries: n.entries.map((e) => ({
      ...e,
      outcome: upheld.has(e.householdId)
        ? 'REJECTED_BY_OBJECTION'
        : held.has(e.householdId)
          ? 'HELD_BY_OBJECTION'
          : 'CERTIFIABLE',
    })),
  };
}

/**
 * Resolves an objection (spec credit §9.2): DISMISSED releases the household — certifiable once the notice is
 * closed and no other objection against it stands; UPHELD keeps it off the certificate list for good
 * (REJECTED_BY_OBJECTION, i.e. VILLAGE_REJECTED / BANK_REJECTED in §5.2). Each objection is resolved once.
 */
export function resolveObjection(
  n: Notice,
  r: {
    objectionId: string;
    outcome: 'UPHELD' | 'DISMISSED';
    resolution: string;
    resolvedBy: string;
    consequence?: 'RESCORE' | 'REJECT';
  },
  now: Date,
): Notice {
  const o = n.objections.find((x) => x.id === r.objectionId);
  if (!o) throw new CreditError('NOT_ON_NOTICE', `objection ${r.objectionId} is not on notice ${n.id}`);
  if (o.status !== 'OPEN')
    throw new CreditError('ALREADY_DECIDED', `objection ${r.objectionId} is already ${o.status}`);
  if (!r.resolution.trim()) throw new CreditError('CREDIT_INPUT_INVALID', 'a resolution states its grounds');
  const objections = n.objections.map((x) =>
    x.id === o.id
      ? {
          ...x,
          status: r.outcome,
          resolution: r.resolution,
          resolvedBy: r.resolvedBy,
          resolvedAt: now,
          ...(r.outcome === 'UPHELD'
            ? { consequence: n.kind === 'GRADE_LIST' ? (r.consequence ?? 'REJECT') : 'REJECT' }
            : {}),
        }
      : x,
  );
  const against = objections.filter((x) => x.householdId === o.householdId);
  const entries = n.entries.map((e) => {
    if (e.householdId !== o.householdId || n.status !== 'CLOSED') return e;
    if (against.some((x) => x.status === 'UPHELD')) return { ...e, outcome: 'REJECTED_BY_OBJECTION' as const };
    if (against.some((x) => x.status === 'OPEN')) return e;
    return { ...e, outcome: 'CERTIFIABLE' as const };
  });
  return { ...n, objections, entries };
}
