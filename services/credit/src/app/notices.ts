import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { checkNoticeWindow, closeNotice, fileObjection, resolveObjection, type Notice } from '../domain/notice';
import { jurisdictionOf, ownHouseholdOf } from '../domain/jurisdiction';
import { roleFor } from '../domain/permissions';
import { derivedId } from './households';
import type { CheckJurisdiction } from './jurisdiction';
import type { Clock, CreditEvent, Households, Idempotency, Notices } from './ports';
import { noticeEntry, type Procedure } from './procedure';

export interface OpenNoticeInput {
  villageId: string;
  householdIds: string[];
  startAt: Date;
  endAt: Date;
  postedLocation: string;
}

/**
 * The households a closed village notice sends to the bank (spec credit §19.2 credit.bank-assessment.requested):
 * every certifiable entry at the close, or one released later when its objection is dismissed.
 */
function bankAssessment(n: Notice, householdIds: string[], batchId: string, at: Date): CreditEvent[] {
  if (n.kind === 'GRADE_LIST' || householdIds.length === 0) return [];
  const entries = n.entries.filter((e) => householdIds.includes(e.householdId));
  return [{ type: 'BankAssessmentRequested', notice: n, batchId, entries, at }];
}

/**
 * 公示: open (≥ 7 days, rated households of the village, masked data only), objections, close (spec credit §9).
 * A notice opened here, without a 村级评定, lists households with their computed grades: a merged notice (R5.4).
 * Closing a notice and resolving an objection move the applications on it (see procedure.ts). A village or
 * township role opens, objects on, closes and resolves only notices of its own village or township, and a
 * household login objects only against its own household (§2.4).
 */
export function createNoticeUseCases(deps: {
  notices: Notices;
  households: Households;
  jurisdiction: CheckJurisdiction;
  idempotency: Idempotency;
  clock: Clock;
  minDays: number;
  procedure: Procedure;
}) {
  const load = async (id: string) => {
    const n = await deps.notices.get(id);
    if (!n) throw new CreditError('NOTICE_NOT_FOUND', `notice ${id} does not exist`);
    return n;
  };
  /** The notice, if the actor's jurisdiction covers its village (a grade notice carries its village's id). */
  const loadFor = async (id: string, actor: Actor) => {
    const n = await load(id);
    await deps.jurisdiction(actor, `notice ${id}`, n.value.villageId);
    return n;
  };
  /**
   * What the actor is shown of a notice. The entries are the 公示 itself, posted in the village with identity
   * numbers masked (N6), so a household login on the notice sees them all. The objections are not posted: it sees
   * those against its own household only, never what a neighbour was accused of.
   */
  const shownTo = (actor: Actor, n: Notice): Notice => {
    const own = ownHouseholdOf(jurisdictionOf(actor));
    return own === undefined ? n : { ...n, objections: n.objections.filter((o) => o.householdId === own) };
  };

  async function openNotice(cmd: { idempotencyKey: string; input: OpenNoticeInput }, actor: Actor): Promise<Notice> {
    const role = roleFor(actor, 'openNotice');
    const i = cmd.input;
    rejectInvalid([
      ...(i.villageId ? [] : [{ field: 'villageId', message: 'required' }]),
      ...(i.householdIds.length > 0 ? [] : [{ field: 'householdIds', message: 'at least one household' }]),
      ...(Number.isNaN(i.startAt.getTime()) || Number.isNaN(i.endAt.getTime())
        ? [{ field: 'startAt/endAt', message: 'RFC 3339 instants required' }]
        : []),
    ]);
    checkNoticeWindow(i.startAt, i.endAt, deps.minDays);
    // every household listed must be of this village (noticeEntry), so this covers them all
    await deps.jurisdiction(actor, `village ${i.villageId}`, i.villageId);
    const scope = `credit.openNotice:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, i, async () => {
      const id = derivedId('nt', scope, cmd.idempotencyKey);
      const entries = [];
      for (const hid of [...new Set(i.householdIds)])
        entries.push(await noticeEntry(deps.households, hid, i.villageId));
      const notice: Notice = {
        id,
        kind: 'MERGED',
        villageId: i.villageId,
        startAt: i.startAt,
        endAt: i.endAt,
        postedLocation: i.postedLocation,
        status: 'OPEN',
        entries,
        objections: [],
        decisions: [],
      };
      await deps.notices.create(notice, [{ type: 'NoticeOpened', notice }], {
        action: 'notice.opened',
        actor,
        role,
        at: deps.clock.now(),
        details: { villageId: i.villageId, entries: entries.length, endAt: i.endAt.toISOString() },
      });
      return { id };
    });
    return (await load(id)).value;
  }

  async function fileObjectionCmd(
    cmd: { idempotencyKey: string; noticeId: string; householdId: string; content: string },
    actor: Actor,
  ): Promise<Notice> {
    const role = roleFor(actor, 'fileObjection');
    rejectInvalid(cmd.content.trim() ? [] : [{ field: 'content', message: 'an objection states its grounds' }]);
    const scope = `credit.fileObjection:${actor.userId}`;
    await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const id = derivedId('ob', scope, cmd.idempotencyKey);
      const n = await load(cmd.noticeId);
      // a household login objects on its own entry only (§2.4); staff take down anyone's objection (§9.2)
      await deps.jurisdiction(actor, `an objection against household ${cmd.householdId}`, {
        villageId: n.value.villageId,
        householdId: cmd.householdId,
      });
      if (n.value.objections.some((o) => o.id === id)) return { id };
      const now = deps.clock.now();
      const objection = {
        id,
        householdId: cmd.householdId,
        content: cmd.content,
        status: 'OPEN' as const,
        filedAt: now,
      };
      const next = fileObjection(n.value, objection, now);
      await deps.notices.update(
        next,
        n.version,
        [{ type: 'ObjectionFiled', notice: next, objection }],
        {
          action: 'notice.objection-filed',
          actor,
          role,
          at: now,
          details: { objectionId: id, householdId: cmd.householdId },
        },
        n,
      );
      return { id };
    });
    return shownTo(actor, (await load(cmd.noticeId)).value);
  }

  async function closeNoticeCmd(cmd: { idempotencyKey: string; noticeId: string }, actor: Actor): Promise<Notice> {
    const role = roleFor(actor, 'closeNotice');
    const n = await loadFor(cmd.noticeId, actor);
    // a retried close finishes what the first one left undone (applications moved, certificates issued)
    if (n.value.status === 'CLOSED') {
      await deps.procedure.afterNotice(n.value, { actor, role });
      return (await load(cmd.noticeId)).value;
    }
    const now = deps.clock.now();
    const next = closeNotice(n.value, now);
    const certifiable = next.entries.filter((e) => e.outcome === 'CERTIFIABLE').map((e) => e.householdId);
    await deps.notices.update(
      next,
      n.version,
      [{ type: 'NoticeClosed', notice: next }, ...bankAssessment(next, certifiable, next.id, now)],
      {
        action: 'notice.closed',
        actor,
        role,
        at: now,
        details: {
          certifiable: certifiable.length,
          held: next.entries.filter((e) => e.outcome === 'HELD_BY_OBJECTION').map((e) => e.householdId),
        },
      },
      n,
    );
    await deps.procedure.afterNotice(next, { actor, role });
    return (await load(cmd.noticeId)).value;
  }

  /** Closes every open notice whose end has passed (spec credit §5.2 "system at endAt"); returns how many. */
  async function closeDue(actor: Actor): Promise<number> {
    let closed = 0;
    for (const n of await deps.notices.listOpenEndedBy(deps.clock.now())) {
      await closeNoticeCmd({ idempotencyKey: `close-due:${n.value.id}`, noticeId: n.value.id }, actor);
      closed += 1;
    }
    return closed;
  }

  /** Resolving is idempotent: the same outcome again returns the notice as it is; a different one is refused. */
  async function resolveObjectionCmd(
    cmd: {
      noticeId: string;
      objectionId: string;
      outcome: 'UPHELD' | 'DISMISSED';
      resolution: string;
      consequence?: 'RESCORE' | 'REJECT';
    },
    actor: Actor,
  ): Promise<Notice> {
    const role = roleFor(actor, 'resolveObjection');
    const n = await loadFor(cmd.noticeId, actor);
    const o = n.value.objections.find((x) => x.id === cmd.objectionId);
    if (o && o.status === cmd.outcome) {
      if (n.value.status === 'CLOSED') await deps.procedure.afterNotice(n.value, { actor, role });
      return (await load(cmd.noticeId)).value;
    }
    const now = deps.clock.now();
    const next = resolveObjection(n.value, { ...cmd, resolvedBy: actor.userId }, now);
    const released = next.entries
      .filter((e, i) => e.outcome === 'CERTIFIABLE' && n.value.entries[i]?.outcome !== 'CERTIFIABLE')
      .map((e) => e.householdId);
    await deps.notices.update(
      next,
      n.version,
      bankAssessment(next, released, `${next.id}:${cmd.objectionId}`, now),
      {
        action: `notice.objection-${cmd.outcome.toLowerCase()}`,
        actor,
        role,
        reason: cmd.resolution,
        at: now,
        details: { objectionId: cmd.objectionId, householdId: o?.householdId, consequence: cmd.consequence },
      },
      n,
    );
    if (next.status === 'CLOSED') await deps.procedure.afterNotice(next, { actor, role });
    return (await load(cmd.noticeId)).value;
  }

  return {
    openNotice,
    resolveObjection: resolveObjectionCmd,
    fileObjection: fileObjectionCmd,
    closeNotice: closeNoticeCmd,
    closeDue,
    getNotice: async (id: string) => (await load(id)).value,
  };
}
