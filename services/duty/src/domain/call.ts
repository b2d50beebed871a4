import { DeskError, oneOf, required } from './desk-error';
import type { Transition } from './desk-events';
import type { SupervisionVerdict } from './supervision-verdict';

/** Public lines (spec duty §8.1). */
export const callLines = [
  'MAYOR_PUBLIC_LINE',
  'DIRECT_LINE',
  'HEAD_HOTLINE',
  'SPECIAL_LINE',
  'POVERTY_HOTLINE',
] as const;
/** Accepted categories (spec duty §8.2; 000 L574-582). */
export const acceptedCategories = [
  'CRITICISM',
  'DEVELOPMENT_SUGGESTION',
  'CONSULTATION',
  'LIVELIHOOD_PROBLEM',
  'ADMIN_VIOLATION_COMPLAINT',
] as const;
/** Matters the line does not handle, and where the caller is persuaded to go (spec duty §8.2; 000 L584). */
export const redirectedCategories = {
  ABOUT_PARTY_COMMITTEE: 'the party committee (党委)',
  ABOUT_PEOPLES_CONGRESS: "the People's Congress (人大)",
  ABOUT_CPPCC: 'the CPPCC (政协)',
  ABOUT_MILITARY: 'the military (部队)',
  ABOUT_COURT: 'the court (法院)',
  ABOUT_PROCURATORATE: 'the procuratorate (检察院)',
  LETTERS_AND_VISITS: 'the petition department (信访部门)',
} as const;
export const callCategories = [
  ...acceptedCategories,
  ...(Object.keys(redirectedCategories) as (keyof typeof redirectedCategories)[]),
];
export type CallCategory = (typeof callCategories)[number];
export const callChannels = ['PHONE', 'VISIT'] as const;

export type CallAction = 'ANSWER' | 'REDIRECT' | 'DRAFT_SLIP' | 'INSTRUCT' | 'REPLY' | 'TRANSFER';
export type CallStatus =
  'RECEIVED' | 'SLIP_WITH_LEADER' | 'INSTRUCTED' | 'TRANSFERRED' | 'FEEDBACK_RECEIVED' | 'CLOSED';
export type CallOutcome = 'ANSWERED' | 'REDIRECTED_OTHER_ORGAN' | 'REDIRECTED_PETITION' | 'REPLIED';

/** 来电处理笺 / 来访处理笺 — sent to a leader for an instruction before the desk answers (spec duty §7 DK-2). */
export interface HandlingSlip {
  kind: 'CALL' | 'VISIT';
  proposal: string;
  leaderId: string;
  draftedAt: Date;
  instruction?: string;
  instructedAt?: Date;
  reply?: string;
  repliedAt?: Date;
}

/** 公开电话来电 / 来访 on a public line (spec duty §8, §15.6 PublicCall). */
export interface PublicCall {
  id: string;
  line: (typeof callLines)[number];
  channel: (typeof callChannels)[number];
  callerName: string;
  callerPhone: string;
  category: CallCategory;
  content: string;
  receivedAt: Date;
  receivedBy: string;
  status: CallStatus;
  outcome?: CallOutcome;
  answer?: string;
  redirectNote?: string;
  slip?: HandlingSlip;
  transferredUnitId?: string;
  /** Set at transfer: 重要事项 or one needing several departments get 10 days for feedback (001 L59-60). */
  important?: boolean;
  multiDepartment?: boolean;
  /** Feedback-tracking verdict from supervision on a transferred matter (§8.4, §16.2). */
  supervision?: SupervisionVerdict;
  closedAt?: Date;
}

/** §8.2: only the five accepted categories are the line's business. */
export const inScope = (category: CallCategory): boolean =>
  (acceptedCategories as readonly string[]).includes(category);

/** Where an out-of-scope caller is sent; undefined for accepted matters. */
export const redirectTarget = (category: CallCategory): string | undefined =>
  inScope(category) ? undefined : redirectedCategories[category as keyof typeof redirectedCategories];

/**
 * The commands the state machine (spec duty §8.4) and the scope (§8.2) allow now. An out-of-scope matter can only
 * be REDIRECTED (§19 scenario 9); an in-scope one is answered directly or goes to a leader on a slip, and after
 * the slip only the instruction, then a reply or a transfer (§19 scenario 10).
 */
export function allowedActions(call: PublicCall): CallAction[] {
  switch (call.status) {
    case 'RECEIVED':
      return inScope(call.category) ? ['ANSWER', 'DRAFT_SLIP'] : ['REDIRECT'];
    case 'SLIP_WITH_LEADER':
      return ['INSTRUCT'];
    case 'INSTRUCTED':
      return ['REPLY', 'TRANSFER'];
    case 'FEEDBACK_RECEIVED':
      return ['REPLY'];
    default:
      return [];
  }
}

function ensure(call: PublicCall, action: CallAction): void {
  if (allowedActions(call).includes(action)) return;
  if (call.status === 'RECEIVED' && !inScope(call.category))
    throw new DeskError(
      'CALL_OUT_OF_SCOPE',
      `a matter about ${redirectTarget(call.category)} is outside the line's scope; the only outcome is REDIRECT (spec duty §8.2)`,
    );
  if (action === 'REDIRECT' && call.status === 'RECEIVED')
    throw new DeskError('CALL_IN_SCOPE', 'an accepted matter is answered or sent to a leader, not redirected');
  if ((action === 'REPLY' || action === 'TRANSFER') && call.status === 'SLIP_WITH_LEADER')
    throw new DeskError(
      'CALL_NEEDS_INSTRUCTION',
      'the handling slip has no leader instruction yet (spec duty §7 DK-2)',
    );
  throw new DeskError('CALL_STATE', `call ${call.id} is ${call.status}; ${action} is not allowed now`);
}

export interface CallInput {
  line: string;
  channel: string;
  callerName: string;
  callerPhone: string;
  category: string;
  content: string;
}

/** receive (spec duty §8.4): classified on intake; emits `call.received`. */
export function receiveCall(id: string, input: CallInput, by: string, at: Date): Transition<PublicCall> {
  required({ content: input.content });
  const call: PublicCall = {
    id,
    line: oneOf('line', input.line, callLines),
    channel: oneOf('channel', input.channel || 'PHONE', callChannels),
    category: oneOf('category', input.category, callCategories),
    callerName: input.callerName.trim(),
    callerPhone: input.callerPhone.trim(),
    content: input.content.trim(),
    receivedAt: at,
    receivedBy: by,
    status: 'RECEIVED',
  };
  return {
    next: call,
    events: [
      {
        type: 'call.received',
        callId: id,
        line: call.line,
        category: call.category,
        receivedAt: at,
        inScope: inScope(call.category),
      },
    ],
    action: 'CALL_RECEIVED',
    details: { line: call.line, category: call.category },
  };
}

/** answerDirectly — within the officer's authority (DK-2). */
export function answerCall(call: PublicCall, answer: string, at: Date): Transition<PublicCall> {
  ensure(call, 'ANSWER');
  required({ answer });
  return {
    next: { ...call, status: 'CLOSED', outcome: 'ANSWERED', answer: answer.trim(), closedAt: at },
    events: [],
    action: 'CALL_ANSWERED',
  };
}

/** redirect — the caller is persuaded to go to the competent organ or the petition department (§8.2). */
export function redirectCall(call: PublicCall, note: string, at: Date): Transition<PublicCall> {
  ensure(call, 'REDIRECT');
  const outcome: CallOutcome =
    call.category === 'LETTERS_AND_VISITS' ? 'REDIRECTED_PETITION' : 'REDIRECTED_OTHER_ORGAN';
  return {
    next: { ...call, status: 'CLOSED', outcome, redirectNote: note.trim(), closedAt: at },
    events: [],
    action: 'CALL_REDIRECTED',
    details: { outcome, to: redirectTarget(call.category) },
  };
}

/** draftSlip — a 来电/来访处理笺 goes to a named leader (DK-2). */
export function draftSlip(call: PublicCall, proposal: string, leaderId: string, at: Date): Transition<PublicCall> {
  ensure(call, 'DRAFT_SLIP');
  required({ proposal, leaderId });
  const slip: HandlingSlip = {
    kind: call.channel === 'VISIT' ? 'VISIT' : 'CALL',
    proposal: proposal.trim(),
    leaderId: leaderId.trim(),
    draftedAt: at,
  };
  return {
    next: { ...call, status: 'SLIP_WITH_LEADER', slip },
    events: [],
    action: 'HANDLING_SLIP_DRAFTED',
    details: { leaderId: slip.leaderId },
  };
}

/** leaderInstruct — the leader's 批示 on the slip. */
export function instructSlip(call: PublicCall, instruction: string, at: Date): Transition<PublicCall> {
  ensure(call, 'INSTRUCT');
  required({ instruction });
  return {
    next: { ...call, status: 'INSTRUCTED', slip: { ...call.slip!, instruction: instruction.trim(), instructedAt: at } },
    events: [],
    action: 'HANDLING_SLIP_INSTRUCTED',
    details: { leaderId: call.slip?.leaderId },
  };
}

/** replyCaller — only after the instruction (§19 scenario 10), or once the unit's feedback is in (§8.4). */
export function replyCall(call: PublicCall, reply: string, at: Date): Transition<PublicCall> {
  ensure(call, 'REPLY');
  required({ reply });
  return {
    next: {
      ...call,
      status: 'CLOSED',
      outcome: 'REPLIED',
      slip: { ...call.slip!, reply: reply.trim(), repliedAt: at },
      closedAt: at,
    },
    events: [],
    action: 'CALL_REPLIED',
  };
}

/** How heavy a transferred matter is; either flag gives the longer feedback limit in supervision (001 L60). */
export interface TransferWeight {
  important: boolean;
  multiDepartment: boolean;
}

/** transferToUnit — after the instruction; emits `call.transferred` for supervision's feedback tracking (§8.4). */
export function transferCall(
  call: PublicCall,
  unitId: string,
  at: Date,
  weight: TransferWeight = { important: false, multiDepartment: false },
): Transition<PublicCall> {
  ensure(call, 'TRANSFER');
  required({ unitId });
  return {
    next: {
      ...call,
      status: 'TRANSFERRED',
      transferredUnitId: unitId.trim(),
      important: weight.important,
      multiDepartment: weight.multiDepartment,
    },
    events: [
      {
        type: 'call.transferred',
        callId: call.id,
        line: call.line,
        category: call.category,
        unitId: unitId.trim(),
        instruction: call.slip?.instruction ?? '',
        at,
        important: weight.important,
        multiDepartment: weight.multiDepartment,
      },
    ],
    action: 'CALL_TRANSFERRED',
    details: { unitId: unitId.trim(), ...weight },
  };
}

/**
 * supervision.item.completed / .closed consumed (spec duty §8.4): the unit's feedback on a transferred call is
 * in, so the desk can reply to the caller. Null when there is nothing to change — the call already has its
 * feedback (a redelivery, or the closure after the completion) or was never transferred.
 */
export function receiveFeedback(call: PublicCall, verdict: SupervisionVerdict): Transition<PublicCall> | null {
  if (call.status !== 'TRANSFERRED') return null;
  return {
    next: { ...call, status: 'FEEDBACK_RECEIVED', supervision: verdict },
    events: [],
    action: 'CALL_FEEDBACK_RECEIVED',
    details: { itemId: verdict.itemId, via: verdict.via, outcome: verdict.outcome },
  };
}
