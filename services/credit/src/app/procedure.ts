import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { checkNoticeWindow, type Notice, type NoticeEntry, type NoticeKind } from '../domain/notice';
import { roleFor } from '../domain/permissions';
import { maskIdNumber } from '../domain/personal-data';
import { gradeCap } from '../domain/rating';
import { ratingPolicies } from '../domain/policy';
import {
  assessVillage,
  isTerminal,
  move,
  pathAfterNotice,
  type ApplicationState,
  type AssessmentMeeting,
  type RatingApplication,
} from '../domain/rating-application';
import type { Certificates } from './certificates';
import { derivedId } from './households';
import type { CheckJurisdiction } from './jurisdiction';
import type { Applications, Clock, Households, Idempotency, Notices, Stored } from './ports';

/** One notice line for a rated household: name, masked identity number, score and grade only (spec credit N6). */
export async function noticeEntry(households: Households, householdId: string, villageId: string) {
  const h = await households.get(householdId);
  if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${householdId} does not exist`);
  if (h.value.villageId !== villageId)
    throw new CreditError('CREDIT_INPUT_INVALID', `household ${householdId} is not of village ${villageId}`);
  const r = h.value.latestRating;
  if (!r) throw new CreditError('NOT_RATED', `household ${householdId} has not been rated`);
  const pii = await households.getPii(householdId);
  const entry: NoticeEntry = {
    householdId,
    headName: h.value.headName,
    maskedIdNumber: pii ? maskIdNumber(pii.idNumber) : '',
    score: r.total,
    grade: r.grade,
    capFen: r.capFen,
    policyVersion: r.policyVersion,
    outcome: 'PENDING',
  };
  return entry;
}

export interface NoticeWindow {
  startAt: Date;
  endAt: Date;
  postedLocation: string;
}

export interface AssessVillageInput {
  villageId: string;
  meeting: AssessmentMeeting;
  decisions: { applicationId: string; approve: boolean; reason: string }[];
  notice: NoticeWindow;
}

const noticeKindOf = (k: NoticeKind) => (k === 'GRADE_LIST' ? 'GRADE' : k === 'MERGED' ? 'MERGED' : 'VILLAGE');

/**
 * The rating procedure past the scoring (spec credit §5.1 steps 4-8, §5.2, §9): the 村级评定 and its village notice,
 * the application states that follow each notice's outcome, the township's grade notice of the bank's approvals,
 * and the certificate once a grade notice clears a household. Each step is idempotent: ids derive from the
 * request, and a step finds the applications it already moved where it left them. A panel assesses its own
 * village, a station posts grades of its own township's villages (§2.4).
 */
export function createProcedure(deps: {
  applications: Applications;
  households: Households;
  notices: Notices;
  certificates: Certificates;
  jurisdiction: CheckJurisdiction;
  idempotency: Idempotency;
  clock: Clock;
  minDays: number;
  /** R5.4: one notice lists households and grades; the bank's approval then issues the certificate. */
  mergeNotices: boolean;
}) {
  async function application(id: string): Promise<Stored<RatingApplication>> {
    const a = await deps.applications.get(id);
    if (!a) throw new CreditError('APPLICATION_NOT_FOUND', `application ${id} does not exist`);
    return a;
  }

  /** Moves the application along `path` in one audited write; nothing when the path is empty. */
  async function advance(
    a: Stored<RatingApplication>,
    path: ApplicationState[],
    reason: string,
    note: { actor: Actor; role: string; details?: Record<string, unknown> },
    patch: Partial<RatingApplication> = {},
  ): Promise<RatingApplication> {
    if (path.length === 0) return a.value;
    const at = deps.clock.now();
    const next = { ...path.reduce((x, to) => move(x, to, at, reason), a.value), ...patch };
    await deps.applications.update(
      next,
      a.version,
      [],
      { ...note, action: `application.${next.state.toLowerCase()}`, reason, at },
      a,
    );
    return next;
  }

  /** The household's open application on this notice, if it came through the procedure. */
  async function onNotice(householdId: string, noticeId: string) {
    const all = await deps.applications.listByHousehold(householdId);
    return all.find((a) => a.value.noticeId === noticeId && !isTerminal(a.value.state));
  }

  /**
   * Brings the applications on a notice to where its outcome puts them (spec credit §5.2): after a village notice
   * to the bank (or back out), after a grade notice to the certificate. A grade-notice household is CERTIFIED only
   * once its certificate exists; one whose certificate is refused (a breaker or the fund ceiling) stays where it is
   * and is returned, so a later retry of the close can issue it.
   */
  async function afterNotice(n: Notice, note: { actor: Actor; role: string }) {
    const kind = noticeKindOf(n.kind);
    const blocked: { householdId: string; code: string }[] = [];
    for (const e of n.entries) {
      const a = await onNotice(e.householdId, n.id);
      const upheld = n.objections.find((o) => o.householdId === e.householdId && o.status === 'UPHELD');
      if (kind === 'GRADE' && e.outcome === 'CERTIFIABLE') {
        try {
          await deps.certificates.issue(
            {
              lineId: derivedId('cl', n.id, e.householdId),
              householdId: e.householdId,
              grade: e.grade,
              limitFen: e.limitFen ?? e.capFen,
              policyVersion: e.policyVersion,
            },
            note,
          );
        } catch (err) {
          if (!(err instanceof CreditError)) throw err;
          blocked.push({ householdId: e.householdId, code: err.code });
          continue;
        }
      }
      if (!a) continue;
      const path = pathAfterNotice(a.value.state, kind, e.outcome, upheld?.consequence);
      await advance(a, path, `notice ${n.id}: ${e.outcome}`, { ...note, details: { noticeId: n.id } });
    }
    if (blocked.length > 0) {
      const stored = (await deps.notices.get(n.id))!;
      await deps.notices.update(
        stored.value,
        stored.version,
        [],
        { ...note, action: 'certificate.blocked', at: deps.clock.now(), details: { blocked } },
        stored,
      );
    }
    return blocked;
  }

  async function assess(cmd: { idempotencyKey: string; input: AssessVillageInput }, actor: Actor) {
    const role = roleFor(actor, 'assessVillage');
    const i = cmd.input;
    rejectInvalid([
      ...(i.villageId ? [] : [{ field: 'villageId', message: 'required' }]),
      ...(i.decisions.length > 0 ? [] : [{ field: 'decisions', message: 'at least one application' }]),
      ...(Number.isNaN(i.notice.startAt.getTime()) || Number.isNaN(i.notice.endAt.getTime())
        ? [{ field: 'notice.startAt/endAt', message: 'RFC 3339 instants required' }]
        : []),
    ]);
    checkNoticeWindow(i.notice.startAt, i.notice.endAt, deps.minDays);
    // each application is then checked to be of this village, so this covers them all
    await deps.jurisdiction(actor, `village ${i.villageId}`, i.villageId);
    const scope = `credit.assessVillage:${actor.userId}`;
    return deps.idempotency.run(scope, cmd.idempotencyKey, i, async () => {
      const noticeId = derivedId('nt', scope, cmd.idempotencyKey);
      const stored = await Promise.all(i.decisions.map((d) => application(d.applicationId)));
      for (const a of stored) {
        const h = await deps.households.get(a.value.householdId);
        if (h?.value.villageId !== i.villageId)
          throw new CreditError('CREDIT_INPUT_INVALID', `application ${a.value.id} is not of village ${i.villageId}`);
      }
      // a retry after a crash finds some applications moved already: only SCORED ones are assessed now
      const pending = stored.filter((a) => a.value.state === 'SCORED');
      const notPending = stored.find(
        (a) => a.value.state !== 'SCORED' && a.value.noticeId !== noticeId && a.value.state !== 'VILLAGE_REJECTED',
      );
      if (notPending)
        throw new CreditError(
          'CREDIT_INPUT_INVALID',
          `application ${notPending.value.id} is ${notPending.value.state}; only SCORED applications are assessed`,
        );
      const { moved, warnings } = assessVillage(
        pending.map((a) => a.value),
        i.meeting,
        i.decisions.filter((d) => pending.some((a) => a.value.id === d.applicationId)),
        noticeId,
        deps.clock.now(),
      );
      const approved = i.decisions.filter((d) => d.approve).map((d) => d.applicationId);
      const note = { actor, role, at: deps.clock.now() };
      if (approved.length > 0 && !(await deps.notices.get(noticeId))) {
        const entries: NoticeEntry[] = [];
        for (const a of stored.filter((x) => approved.includes(x.value.id)))
          entries.push(await noticeEntry(deps.households, a.value.householdId, i.villageId));
        const notice: Notice = {
          id: noticeId,
          kind: deps.mergeNotices ? 'MERGED' : 'CREDIT_HOUSEHOLD_LIST',
          villageId: i.villageId,
          ...i.notice,
          status: 'OPEN',
          entries,
          objections: [],
          decisions: [],
        };
        await deps.notices.create(notice, [{ type: 'NoticeOpened', notice }], {
          ...note,
          action: 'notice.opened',
          details: {
            villageId: i.villageId,
            kind: notice.kind,
            entries: entries.length,
            endAt: i.notice.endAt.toISOString(),
            meeting: i.meeting,
            warnings,
          },
        });
      }
      for (const next of moved) {
        const prev = pending.find((a) => a.value.id === next.id)!;
        await deps.applications.update(
          next,
          prev.version,
          [],
          {
            ...note,
            action: `application.${next.state.toLowerCase()}`,
            reason: next.history.at(-1)?.reason,
            details: { noticeId: next.state === 'VILLAGE_NOTICE' ? noticeId : undefined, warnings },
          },
          prev,
        );
      }
      return { noticeId: approved.length > 0 ? noticeId : '', warnings };
    });
  }

  /**
   * 等级公示 (spec credit §5.1 step 7, N2-N4): the township posts the grades and limits the bank approved on a
   * closed village notice, for at least the notice minimum. Each approval is listed once; approvals that come later
   * (an objection dismissed after the close) go on the next grade notice.
   */
  async function openGradeNotice(
    cmd: { idempotencyKey: string; sourceNoticeId: string; window: NoticeWindow },
    actor: Actor,
  ): Promise<Notice> {
    const role = roleFor(actor, 'openGradeNotice');
    const w = cmd.window;
    rejectInvalid(
      Number.isNaN(w.startAt.getTime()) || Number.isNaN(w.endAt.getTime())
        ? [{ field: 'startAt/endAt', message: 'RFC 3339 instants required' }]
        : [],
    );
    checkNoticeWindow(w.startAt, w.endAt, deps.minDays);
    const scope = `credit.openGradeNotice:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const id = derivedId('nt', scope, cmd.idempotencyKey);
      const src = await deps.notices.get(cmd.sourceNoticeId);
      if (!src) throw new CreditError('NOTICE_NOT_FOUND', `notice ${cmd.sourceNoticeId} does not exist`);
      await deps.jurisdiction(actor, `notice ${src.value.id}`, src.value.villageId);
      if (src.value.kind !== 'CREDIT_HOUSEHOLD_LIST')
        throw new CreditError('CREDIT_INPUT_INVALID', `notice ${src.value.id} is not a village credit-household list`);
      const listed = src.value.decisions.filter((d) => d.outcome === 'APPROVED' && d.gradeNoticeId === id);
      const fresh = src.value.decisions.filter((d) => d.outcome === 'APPROVED' && !d.gradeNoticeId);
      const picked = listed.length > 0 ? listed : fresh;
      if (picked.length === 0)
        throw new CreditError(
          'NOTHING_TO_NOTICE',
          `notice ${src.value.id} has no bank approval waiting for its notice`,
        );
      const note = { actor, role, at: deps.clock.now() };
      if (!(await deps.notices.get(id))) {
        const entries = picked.map((d): NoticeEntry => {
          const on = src.value.entries.find((e) => e.householdId === d.householdId)!;
          const policy = ratingPolicies[on.policyVersion];
          return {
            ...on,
            grade: d.grade ?? on.grade,
            capFen: policy && d.grade ? gradeCap(d.grade, policy) : on.capFen,
            limitFen: d.limitFen,
            outcome: 'PENDING',
          };
        });
        const notice: Notice = {
          id,
          kind: 'GRADE_LIST',
          sourceNoticeId: src.value.id,
          villageId: src.value.villageId,
          ...w,
          status: 'OPEN',
          entries,
          objections: [],
          decisions: [],
        };
        await deps.notices.create(notice, [{ type: 'NoticeOpened', notice }], {
          ...note,
          action: 'notice.opened',
          details: { kind: 'GRADE_LIST', sourceNoticeId: src.value.id, entries: entries.length },
        });
      }
      if (fresh.length > 0 && listed.length === 0) {
        const next = {
          ...src.value,
          decisions: src.value.decisions.map((d) => (picked.includes(d) ? { ...d, gradeNoticeId: id } : d)),
        };
        await deps.notices.update(
          next,
          src.version,
          [],
          { ...note, action: 'notice.grades-posted', details: { gradeNoticeId: id } },
          src,
        );
      }
      for (const d of picked) {
        const a = await onNotice(d.householdId, src.value.id);
        if (a?.value.state === 'GRADE_NOTICE') {
          const at = deps.clock.now();
          await deps.applications.update(
            { ...a.value, noticeId: id },
            a.version,
            [],
            { actor, role, at, action: 'application.grade-noticed', details: { noticeId: id } },
            a,
          );
        }
      }
      return { id };
    });
    return (await deps.notices.get(id))!.value;
  }

  return { assess, openGradeNotice, afterNotice, advance, onNotice };
}

export type Procedure = ReturnType<typeof createProcedure>;
