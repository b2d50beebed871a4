import type { Clock } from '../domain/clock';
import { forwardDocument, logDocument, registerDocument, type DeskDocument } from '../domain/desk-document';
import { DeskError } from '../domain/desk-error';
import type { DeskCalendar, DeskPolicy } from '../domain/desk-policy';
import type { Idempotency } from './ports';
import type { Actor, DeskDocumentStore } from './desk-ports';
import { changeOnce, createOnce, derivedId, load, mayAct } from './desk-commands';

const deskRoles = ['DUTY_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER_ON_DUTY'];
const generalSection = ['GENERAL_SECTION'];
const readers = [...deskRoles, ...generalSection, 'AUDITOR'];

/**
 * Documents at the duty desk (spec duty §7 DK-4, DK-5): log on receipt (off-hours ones go to the 综合股 list and
 * are announced), the 综合股 registers them, urgent ones are forwarded to a leader before their limit.
 */
export function createDeskDocuments(deps: {
  documents: DeskDocumentStore;
  clock: Clock;
  idempotency: Idempotency;
  calendar: DeskCalendar;
  policy: DeskPolicy;
}) {
  return {
    async log(
      cmd: {
        idempotencyKey: string;
        kind: string;
        addressedTo: string;
        sender: string;
        title: string;
        urgency: string;
        receivedAt?: Date;
        /** 密级 marked on the document; empty or absent when unmarked. */
        secrecyLevel?: string;
        senderOrgId?: string;
      },
      actor: Actor,
    ): Promise<DeskDocument> {
      mayAct(actor, deskRoles, 'logging a document');
      if (cmd.receivedAt && Number.isNaN(cmd.receivedAt.getTime()))
        throw new DeskError('DESK_INPUT_INVALID', 'receivedAt is not an instant', [
          { field: 'receivedAt', message: 'expected RFC 3339' },
        ]);
      const id = derivedId('doc', actor, cmd.idempotencyKey);
      return createOnce(
        deps,
        deps.documents,
        { scope: 'duty.desk.document.log', key: cmd.idempotencyKey, request: cmd, actor, id },
        (now) =>
          logDocument(
            id,
            { ...cmd, receivedAt: cmd.receivedAt ?? now },
            { loggedBy: actor.userId, now, calendar: deps.calendar, policy: deps.policy },
          ),
      );
    },
    async register(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<DeskDocument> {
      mayAct(actor, generalSection, 'registering an off-hours document');
      return changeOnce(
        deps,
        deps.documents,
        { scope: 'duty.desk.document.register', key: cmd.idempotencyKey, request: cmd, actor, id: cmd.id },
        (doc, now) => registerDocument(doc, actor.userId, now),
      );
    },
    async forward(cmd: { idempotencyKey: string; id: string; leaderId: string }, actor: Actor): Promise<DeskDocument> {
      mayAct(actor, deskRoles, 'forwarding an urgent document');
      return changeOnce(
        deps,
        deps.documents,
        { scope: 'duty.desk.document.forward', key: cmd.idempotencyKey, request: cmd, actor, id: cmd.id },
        (doc, now) => forwardDocument(doc, cmd.leaderId, now),
      );
    },
    async get(id: string, actor: Actor): Promise<DeskDocument> {
      mayAct(actor, readers, 'reading desk documents');
      return (await load(deps.documents, id)).value;
    },
    async registrationQueue(actor: Actor): Promise<DeskDocument[]> {
      mayAct(actor, readers, 'reading the 综合股 registration list');
      return deps.documents.registrationQueue();
    },
  };
}
