import type { Clock } from '../domain/clock';
import {
  answerCall,
  draftSlip,
  instructSlip,
  receiveCall,
  redirectCall,
  replyCall,
  transferCall,
  type PublicCall,
} from '../domain/call';
import type { Transition } from '../domain/desk-events';
import type { Idempotency } from './ports';
import type { Actor, CallStore } from './desk-ports';
import { changeOnce, createOnce, derivedId, load, mayAct } from './desk-commands';

const operators = ['HOTLINE_OPERATOR', 'DUTY_OFFICER', 'DUTY_ROOM_MANAGER'];
/** §3.2: the desk records the leader's instruction; leaders may record their own. */
const instructionWriters = [
  ...operators,
  'OFFICE_LEADER_ON_DUTY',
  'OFFICE_DIRECTOR',
  'GOV_LEADER_ON_DUTY',
  'GOV_PRINCIPAL',
  'GOV_EXEC_DEPUTY',
  'GOV_DEPUTY',
];

/** Public-line calls and visits through the §8.4 state machine, with 处理笺 for matters needing a leader (DK-2). */
export function createCallHandling(deps: { calls: CallStore; clock: Clock; idempotency: Idempotency }) {
  const change = (
    name: string,
    roles: string[],
    cmd: { idempotencyKey: string; id: string },
    actor: Actor,
    rule: (c: PublicCall, now: Date) => Transition<PublicCall>,
  ) => {
    mayAct(actor, roles, `call ${name}`);
    return changeOnce(
      deps,
      deps.calls,
      { scope: `duty.desk.call.${name}`, key: cmd.idempotencyKey, request: cmd, actor, id: cmd.id },
      rule,
    );
  };
  return {
    async receive(
      cmd: {
        idempotencyKey: string;
        line: string;
        channel: string;
        callerName: string;
        callerPhone: string;
        category: string;
        content: string;
      },
      actor: Actor,
    ): Promise<PublicCall> {
      mayAct(actor, operators, 'taking a public-line call');
      const id = derivedId('call', actor, cmd.idempotencyKey);
      return createOnce(
        deps,
        deps.calls,
        { scope: 'duty.desk.call.receive', key: cmd.idempotencyKey, request: cmd, actor, id },
        (now) => receiveCall(id, cmd, actor.userId, now),
      );
    },
    answer: (cmd: { idempotencyKey: string; id: string; answer: string }, actor: Actor) =>
      change('answer', operators, cmd, actor, (c, now) => answerCall(c, cmd.answer, now)),
    redirect: (cmd: { idempotencyKey: string; id: string; note: string }, actor: Actor) =>
      change('redirect', operators, cmd, actor, (c, now) => redirectCall(c, cmd.note, now)),
    draftSlip: (cmd: { idempotencyKey: string; id: string; proposal: string; leaderId: string }, actor: Actor) =>
      change('slip', operators, cmd, actor, (c, now) => draftSlip(c, cmd.proposal, cmd.leaderId, now)),
    instruct: (cmd: { idempotencyKey: string; id: string; instruction: string }, actor: Actor) =>
      change('instruct', instructionWriters, cmd, actor, (c, now) => instructSlip(c, cmd.instruction, now)),
    reply: (cmd: { idempotencyKey: string; id: string; reply: string }, actor: Actor) =>
      change('reply', operators, cmd, actor, (c, now) => replyCall(c, cmd.reply, now)),
    transfer: (
      cmd: { idempotencyKey: string; id: string; unitId: string; important?: boolean; multiDepartment?: boolean },
      actor: Actor,
    ) =>
      change('transfer', operators, cmd, actor, (c, now) =>
        transferCall(c, cmd.unitId, now, {
          important: cmd.important ?? false,
          multiDepartment: cmd.multiDepartment ?? false,
        }),
      ),
    async get(id: string, actor: Actor): Promise<PublicCall> {
      mayAct(actor, [...instructionWriters, 'AUDITOR'], 'reading calls');
      return (await load(deps.calls, id)).value;
    },
  };
}
