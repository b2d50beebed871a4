import type { dutyDeskV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createCallHandling } from '../../app/call-handling';
import type { createDeskDocuments } from '../../app/desk-documents';
import type { createDriverPlan } from '../../app/driver-plan';
import type { createSecurityDesk } from '../../app/security-desk';
import {
  toProtoCall,
  toProtoDeskDocument,
  toProtoPetitionVisit,
  toProtoPostLeave,
  toProtoShift,
  toProtoVisitor,
} from './desk.mapper';

/** DutyDeskService over gRPC: map the request, run the use case, map the result. No rules here. */
export function deskGrpcHandlers(u: {
  documents: ReturnType<typeof createDeskDocuments>;
  calls: ReturnType<typeof createCallHandling>;
  security: ReturnType<typeof createSecurityDesk>;
  planShifts: ReturnType<typeof createDriverPlan>;
}): Handlers<typeof dutyDeskV1.DutyDeskServiceService> {
  const doc = (d: Parameters<typeof toProtoDeskDocument>[0]) => ({ document: toProtoDeskDocument(d) });
  const call = (c: Parameters<typeof toProtoCall>[0]) => ({ call: toProtoCall(c) });
  return {
    async logDeskDocument(req, ctx) {
      const { receivedAt, ...rest } = req;
      return doc(
        await u.documents.log({ ...rest, receivedAt: receivedAt ? new Date(receivedAt) : undefined }, ctx.actor),
      );
    },
    async getDeskDocument(req, ctx) {
      return doc(await u.documents.get(req.id, ctx.actor));
    },
    async listRegistrationQueue(_req, ctx) {
      return { documents: (await u.documents.registrationQueue(ctx.actor)).map(toProtoDeskDocument) };
    },
    async registerDeskDocument(req, ctx) {
      return doc(await u.documents.register(req, ctx.actor));
    },
    async forwardUrgentDocument(req, ctx) {
      return doc(await u.documents.forward(req, ctx.actor));
    },
    async receiveCall(req, ctx) {
      return call(await u.calls.receive(req, ctx.actor));
    },
    async answerCall(req, ctx) {
      return call(await u.calls.answer(req, ctx.actor));
    },
    async redirectCall(req, ctx) {
      return call(await u.calls.redirect(req, ctx.actor));
    },
    async draftHandlingSlip(req, ctx) {
      return call(await u.calls.draftSlip(req, ctx.actor));
    },
    async recordSlipInstruction(req, ctx) {
      return call(await u.calls.instruct(req, ctx.actor));
    },
    async replyCall(req, ctx) {
      return call(await u.calls.reply(req, ctx.actor));
    },
    async transferCall(req, ctx) {
      return call(await u.calls.transfer(req, ctx.actor));
    },
    async getCall(req, ctx) {
      return call(await u.calls.get(req.id, ctx.actor));
    },
    async recordVisitor(req, ctx) {
      return { visitor: toProtoVisitor(await u.security.recordVisitor(req, ctx.actor)) };
    },
    async recordVisitorExit(req, ctx) {
      return { visitor: toProtoVisitor(await u.security.recordExit(req, ctx.actor)) };
    },
    async requestPostLeave(req, ctx) {
      return { leave: toProtoPostLeave(await u.security.requestPostLeave(req, ctx.actor)) };
    },
    async recordPetitionVisit(req, ctx) {
      return { visit: toProtoPetitionVisit(await u.security.recordPetitionVisit(req, ctx.actor)) };
    },
    async planDutyShifts(req) {
      const p = u.planShifts({ fromDate: req.fromDate, days: req.days });
      return { driverShifts: p.drivers.map(toProtoShift), officeShifts: p.office.map(toProtoShift) };
    },
  };
}
