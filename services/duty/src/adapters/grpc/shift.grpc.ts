import type { dutyShiftsV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createHandovers } from '../../app/handover-commands';
import type { createShiftSwaps } from '../../app/swap-commands';
import type { createViolations } from '../../app/violation-commands';
import { fromProtoItems, toProtoHandover, toProtoSwap, toProtoViolation } from './shift.mapper';

/** DutyShiftService over gRPC: map the request, run the use case, map the result. No rules here. */
export function shiftGrpcHandlers(u: {
  handovers: ReturnType<typeof createHandovers>;
  swaps: ReturnType<typeof createShiftSwaps>;
  violations: ReturnType<typeof createViolations>;
}): Handlers<typeof dutyShiftsV1.DutyShiftServiceService> {
  const ho = (h: Parameters<typeof toProtoHandover>[0]) => ({ handover: toProtoHandover(h) });
  const swap = (s: Parameters<typeof toProtoSwap>[0]) => ({ swap: toProtoSwap(s) });
  const vio = (v: Parameters<typeof toProtoViolation>[0]) => ({ violation: toProtoViolation(v) });
  return {
    openHandover: async (req, ctx) => ho(await u.handovers.open(req, ctx.actor)),
    getHandover: async (req, ctx) => ho(await u.handovers.get(req.id, ctx.actor)),
    checkInHandover: async (req, ctx) => ho(await u.handovers.checkIn(req, ctx.actor)),
    presentHandoverItems: async (req, ctx) =>
      ho(await u.handovers.present({ ...req, items: fromProtoItems(req.items) }, ctx.actor)),
    confirmHandoverLog: async (req, ctx) => ho(await u.handovers.confirmLog(req, ctx.actor)),
    signHandoverOutgoing: async (req, ctx) => ho(await u.handovers.signOutgoing(req, ctx.actor)),
    signHandoverIncoming: async (req, ctx) => ho(await u.handovers.signIncoming(req, ctx.actor)),
    endShift: async (req, ctx) => ho(await u.handovers.endShift(req, ctx.actor)),
    requestShiftSwap: async (req, ctx) => swap(await u.swaps.request(req, ctx.actor)),
    agreeShiftSwap: async (req, ctx) => swap(await u.swaps.agree(req, ctx.actor)),
    decideShiftSwap: async (req, ctx) => swap(await u.swaps.decide(req, ctx.actor)),
    getShiftSwap: async (req, ctx) => swap(await u.swaps.get(req.id, ctx.actor)),
    recordViolation: async (req, ctx) => vio(await u.violations.record(req, ctx.actor)),
    confirmViolation: async (req, ctx) => vio(await u.violations.confirm(req, ctx.actor)),
    dismissViolation: async (req, ctx) => vio(await u.violations.dismiss(req, ctx.actor)),
    getViolation: async (req, ctx) => vio(await u.violations.get(req.id, ctx.actor)),
  };
}
