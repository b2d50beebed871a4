import type { DeskPolicy } from './desk-policy';
import { DeskError, oneOf, required } from './desk-error';
import type { Transition } from './desk-events';

/** Who is at the gate (spec duty §12.1 SC-1..SC-3). */
export const visitorKinds = ['OUTSIDE_VISITOR', 'OTHER_UNIT_STAFF', 'COMPOUND_STAFF'] as const;
export type DenyReason = 'NO_HOST_CONSENT' | 'NO_VALID_ID' | 'NOT_SCREENED' | 'NO_BUSINESS_STATED';

/** 来客登记 — a person at the compound gate and the guard's decision (spec duty §12.1, §15.6 VisitorEntry). */
export interface VisitorEntry {
  id: string;
  visitorKind: (typeof visitorKinds)[number];
  name: string;
  hostUnitId: string;
  business: string;
  hostConfirmed: boolean;
  idVerified: boolean;
  screened: boolean;
  status: 'ADMITTED' | 'DENIED' | 'EXITED';
  denyReasons: DenyReason[];
  arrivedAt: Date;
  exitedAt?: Date;
  recordedBy: string;
}

export interface VisitorInput {
  visitorKind: string;
  name: string;
  hostUnitId: string;
  business: string;
  hostConfirmed: boolean;
  idVerified: boolean;
  screened: boolean;
}

/**
 * Admission (spec duty §12.1): an outside visitor states the business, has the host unit's agreement, registers
 * with a valid ID and is screened for controlled knives and dangerous articles — all of them, or DENIED (SC-3,
 * §19 scenario 26). Staff of other units show a valid ID (SC-2); compound staff are known (SC-1).
 */
export function admissionDecision(
  v: Omit<VisitorInput, 'name' | 'visitorKind'> & { visitorKind: string },
): DenyReason[] {
  const reasons: DenyReason[] = [];
  if (v.visitorKind === 'COMPOUND_STAFF') return reasons;
  if (!v.idVerified) reasons.push('NO_VALID_ID');
  if (v.visitorKind === 'OUTSIDE_VISITOR') {
    if (!v.business.trim()) reasons.push('NO_BUSINESS_STATED');
    if (!v.hostConfirmed) reasons.push('NO_HOST_CONSENT');
    if (!v.screened) reasons.push('NOT_SCREENED');
  }
  return reasons;
}

/** Records the visitor with the decision; a refusal emits `security.visitor_denied`. */
export function recordVisitor(id: string, input: VisitorInput, by: string, at: Date): Transition<VisitorEntry> {
  const visitorKind = oneOf('visitorKind', input.visitorKind, visitorKinds);
  required({ name: input.name });
  if (visitorKind === 'OUTSIDE_VISITOR') required({ hostUnitId: input.hostUnitId });
  const denyReasons = admissionDecision(input);
  const entry: VisitorEntry = {
    id,
    visitorKind,
    name: input.name.trim(),
    hostUnitId: input.hostUnitId.trim(),
    business: input.business.trim(),
    hostConfirmed: input.hostConfirmed,
    idVerified: input.idVerified,
    screened: input.screened,
    status: denyReasons.length ? 'DENIED' : 'ADMITTED',
    denyReasons,
    arrivedAt: at,
    recordedBy: by,
  };
  return {
    next: entry,
    events: denyReasons.length ? [{ type: 'security.visitor_denied', visitorId: id, reasons: denyReasons, at }] : [],
    action: denyReasons.length ? 'VISITOR_DENIED' : 'VISITOR_ADMITTED',
    details: { denyReasons },
  };
}

export function recordVisitorExit(v: VisitorEntry, at: Date): Transition<VisitorEntry> {
  if (v.status !== 'ADMITTED') throw new DeskError('VISITOR_STATE', `visitor ${v.id} is ${v.status}, not inside`);
  return { next: { ...v, status: 'EXITED', exitedAt: at }, events: [], action: 'VISITOR_EXITED' };
}

/** 临时离岗 — a guard's approved absence with the named temporary replacement (spec duty §12.3 SC-10, §15.1 PostAbsence). */
export interface PostLeave {
  id: string;
  guardId: string;
  post: string;
  approvedBy: string;
  replacementId: string;
  from: Date;
  to: Date;
  reason: string;
  recordedAt: Date;
}

export interface PostLeaveInput {
  guardId: string;
  post: string;
  approvedBy: string;
  replacementId: string;
  from: Date;
  to: Date;
  reason: string;
}

/**
 * No leaving the post without leader approval AND a named temporary replacement who is not the guard
 * (spec duty §12.3 SC-10, §4.2 RS-6; 003 L898; §19 scenario 27).
 */
export function requestPostLeave(id: string, input: PostLeaveInput, at: Date): Transition<PostLeave> {
  required({ guardId: input.guardId, post: input.post });
  if (!input.approvedBy.trim())
    throw new DeskError(
      'POST_LEAVE_NOT_APPROVED',
      'leaving the post needs a leader’s approval (spec duty §12.3 SC-10)',
      [{ field: 'approvedBy', message: 'is required' }],
    );
  if (!input.replacementId.trim() || input.replacementId.trim() === input.guardId.trim())
    throw new DeskError(
      'POST_LEAVE_NO_REPLACEMENT',
      'leaving the post needs a named temporary replacement (确定临时值班人员, spec duty §12.3 SC-10)',
      [{ field: 'replacementId', message: 'must name another person' }],
    );
  if (!(input.to.getTime() > input.from.getTime()))
    throw new DeskError('DESK_INPUT_INVALID', 'the absence must end after it starts', [
      { field: 'to', message: 'must be after from' },
    ]);
  const leave: PostLeave = {
    id,
    guardId: input.guardId.trim(),
    post: input.post.trim(),
    approvedBy: input.approvedBy.trim(),
    replacementId: input.replacementId.trim(),
    from: input.from,
    to: input.to,
    reason: input.reason.trim(),
    recordedAt: at,
  };
  return {
    next: leave,
    events: [],
    action: 'POST_LEAVE_APPROVED',
    details: { approvedBy: leave.approvedBy, replacementId: leave.replacementId },
  };
}

export type PetitionRecipient = 'PETITION_RECEPTION_ROOM' | 'PETITION_BUREAU' | 'PUBLIC_SECURITY';

/** 上访 at the compound gate (spec duty §12.5 PetitionVisit) with the notifications it created. */
export interface PetitionVisit {
  id: string;
  groupSize: number;
  matter: string;
  gate: string;
  arrivedAt: Date;
  collective: boolean;
  largeScale: boolean;
  status: 'RECEPTION_NOTIFIED';
  notifications: { recipient: PetitionRecipient; at: Date }[];
  recordedBy: string;
}

/**
 * The guard records petitioners at the gate: the petition reception room is told at once (step 1, 003 L678);
 * a large collective petition (≥ `largePetitionSize`, [inferred] 50) also notifies the petition bureau and
 * public security (step 7, 003 L680; §19 scenario 28).
 */
export function recordPetitionVisit(
  id: string,
  input: { groupSize: number; matter: string; gate: string },
  ctx: { by: string; at: Date; policy: Pick<DeskPolicy, 'collectivePetitionSize' | 'largePetitionSize'> },
): Transition<PetitionVisit> {
  if (!Number.isInteger(input.groupSize) || input.groupSize < 1)
    throw new DeskError('DESK_INPUT_INVALID', 'groupSize must be a whole number ≥ 1', [
      { field: 'groupSize', message: 'must be ≥ 1' },
    ]);
  const largeScale = input.groupSize >= ctx.policy.largePetitionSize;
  const recipients: PetitionRecipient[] = largeScale
    ? ['PETITION_RECEPTION_ROOM', 'PETITION_BUREAU', 'PUBLIC_SECURITY']
    : ['PETITION_RECEPTION_ROOM'];
  const visit: PetitionVisit = {
    id,
    groupSize: input.groupSize,
    matter: input.matter.trim(),
    gate: input.gate.trim(),
    arrivedAt: ctx.at,
    collective: input.groupSize >= ctx.policy.collectivePetitionSize,
    largeScale,
    status: 'RECEPTION_NOTIFIED',
    notifications: recipients.map((recipient) => ({ recipient, at: ctx.at })),
    recordedBy: ctx.by,
  };
  return {
    next: visit,
    events: [
      {
        type: 'security.petition_notified',
        visitId: id,
        groupSize: input.groupSize,
        largeScale,
        recipients,
        at: ctx.at,
      },
    ],
    action: 'PETITION_VISIT_RECORDED',
    details: { groupSize: input.groupSize, largeScale, recipients },
  };
}
