import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import {
  checkNoticeWindow,
  closeNotice,
  fileObjection,
  resolveObjection,
  type Notice,
  type NoticeEntry,
} from '../domain/notice';
import { roleFor } from '../domain/permissions';
import { maskIdNumber } from '../domain/personal-data';
import { derivedId } from './households';
import type { Clock, Households, Idempotency, Notices } from './ports';

export interface OpenNoticeInput {
  villageId: string;
  householdIds: string[];
  startAt: Date;
  endAt: Date;
  postedLocation: string;
}

/** 公示: open (≥ 7 days, rated households of the village, masked data only), objections, close (spec credit §9). */
export function createNoticeUseCases(deps: {
  notices: Notices;
  households: Households;
  idempotency: Idempotency;
  clock: Clock;
  minDays: number;
}) {
  const load = async (id: string) => {
    const n = await deps.notices.get(id);
    if (!n) throw new CreditError('NOTICE_NOT_FOUND', `notice ${id} does not exist`);
    return n;
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
    const scope = `credit.openNotice:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, i, async () => {
      const id = derivedId('nt', scope, cmd.idempotencyKey);
      const entries: NoticeEntry[] = [];
      for (const hid of [...new Set(i.householdIds)]) {
        const h = await deps.households.get(hid);
        if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${hid} does not exist`);
        if (h.value.villageId !== i.villageId)
          throw new CreditError('CREDIT_INPUT_INVALID', `household ${hid} is not of village ${i.villageId}`);
        const r = h.value.latestRating;
        if (!r) throw new CreditError('NOT_RATED', `household ${hid} has not been rated`);
        const pii = await deps.households.getPii(hid);
        entries.push({
          householdId: hid,
          headName: h.value.headName,
          maskedIdNumber: pii ? maskIdNumber(pii.idNumber) : '',
          score: r.total,
          grade: r.grade,
          capFen: r.capFen,
          policyVersion: r.policyVersion,
          outcome: 'PENDING',
        });
      }
      const notice: Notice = {
        id,
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
    return (await load(cmd.noticeId)).value;
  }

  async function closeNoticeCmd(cmd: { idempotencyKey: string; noticeId: string }, actor: Actor): Promise<Notice> {
    const role = roleFor(actor, 'closeNotice');
    const n = await load(cmd.noticeId);
    if (n.value.status === 'CLOSED') return n.value;
    const now = deps.clock.now();
    const next = closeNotice(n.value, now);
    await deps.notices.update(
      next,
      n.version,
      [{ type: 'NoticeClosed', notice: next }],
      {
        action: 'notice.closed',
        actor,
        role,
        at: now,
        details: {
          certifiable: next.entries.filter((e) => e.outcome === 'CERTIFIABLE').length,
          held: next.entries.filter((e) => e.outcome === 'HELD_BY_OBJECTION').map((e) => e.householdId),
        },
      },
      n,
    );
    return next;
  }

  /** Resolving is idempotent: the same outcome again returns the notice as it is; a different one is refused. */
  async function resolveObjectionCmd(
    cmd: { noticeId: string; objectionId: string; outcome: 'UPHELD' | 'DISMISSED'; resolution: string },
    actor: Actor,
  ): Promise<Notice> {
    const role = roleFor(actor, 'resolveObjection');
    const n = await load(cmd.noticeId);
    const o = n.value.objections.find((x) => x.id === cmd.objectionId);
    if (o && o.status === cmd.outcome) return n.value;
    const now = deps.clock.now();
    const next = resolveObjection(n.value, { ...cmd, resolvedBy: actor.userId }, now);
    await deps.notices.update(
      next,
      n.version,
      [],
      {
        action: `notice.objection-${cmd.outcome.toLowerCase()}`,
        actor,
        role,
        reason: cmd.resolution,
        at: now,
        details: { objectionId: cmd.objectionId, householdId: o?.householdId },
      },
      n,
    );
    return next;
  }

  return {
    openNotice,
    resolveObjection: resolveObjectionCmd,
    fileObjection: fileObjectionCmd,
    closeNotice: closeNoticeCmd,
    getNotice: async (id: string) => (await load(id)).value,
  };
}
